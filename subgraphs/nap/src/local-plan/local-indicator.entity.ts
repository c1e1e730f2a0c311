import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../common/numeric.transformer.js';
import type { LocalValueKind } from './local-plan.type.js';

/** An indicator of a local plan, rolling up to at most one national indicator of the same national plan. */
@Entity({ name: 'local_indicator' })
export class LocalIndicatorEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'local_plan_id' })
  localPlanId!: string;

  @Column('text')
  code!: string;

  @Column('text')
  title!: string;

  @Column('text', { name: 'value_kind' })
  valueKind!: LocalValueKind;

  @Column('numeric', { name: 'target_value', nullable: true, transformer: numericTransformer })
  targetValue!: number | null;

  @Column('integer', { name: 'target_year', nullable: true })
  targetYear!: number | null;

  @Column('uuid', { name: 'national_indicator_id', nullable: true })
  nationalIndicatorId!: string | null;

  @Column('integer')
  position!: number;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
