import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Pillar } from '../common/enums.js';

@Entity({ name: 'outcome' })
export class OutcomeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'plan_id' })
  planId!: string;

  @Column('text')
  code!: string;

  /** One of the four pillars, or a national extra pillar of the plan. */
  @Column('text')
  pillar!: Pillar | string;

  @Column('text')
  statement!: string;

  @Column('integer')
  position!: number;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
