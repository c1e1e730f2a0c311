import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PartnerKind, PartnerRole } from '../common/enums.js';

@Entity({ name: 'implementing_partner' })
export class ImplementingPartnerEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'plan_id' })
  planId!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: PartnerKind;

  @Column('text', { name: 'representative_role', nullable: true })
  representativeRole!: PartnerRole | null;

  @Column('boolean', { name: 'has_implementation_plan' })
  hasImplementationPlan!: boolean;

  @Column('boolean', { name: 'in_coordination_body' })
  inCoordinationBody!: boolean;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
