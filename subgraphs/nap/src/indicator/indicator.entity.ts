import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IndicatorKind, IndicatorLevel, ReportingFrequency } from '../common/enums.js';
import { numericTransformer } from '../common/numeric.transformer.js';

@Entity({ name: 'indicator' })
export class IndicatorEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'plan_id' })
  planId!: string;

  @Column('text')
  code!: string;

  @Column('text')
  title!: string;

  @Column('text')
  unit!: string;

  @Column('integer')
  position!: number;

  @Column('numeric', { name: 'baseline_value', nullable: true, transformer: numericTransformer })
  baselineValue!: number | null;

  @Column('integer', { name: 'baseline_year', nullable: true })
  baselineYear!: number | null;

  @Column('numeric', { name: 'target_value', nullable: true, transformer: numericTransformer })
  targetValue!: number | null;

  @Column('integer', { name: 'target_year', nullable: true })
  targetYear!: number | null;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;

  @Column('text')
  level!: IndicatorLevel;

  @Column('text')
  kind!: IndicatorKind;

  @Column('uuid', { name: 'outcome_id', nullable: true })
  outcomeId!: string | null;

  @Column('uuid', { name: 'output_id', nullable: true })
  outputId!: string | null;

  @Column('text', { array: true })
  disaggregation!: string[];

  @Column('text', { name: 'data_source', nullable: true })
  dataSource!: string | null;

  @Column('text', { nullable: true })
  frequency!: ReportingFrequency | null;

  @Column('uuid', { name: 'responsible_partner_id', nullable: true })
  responsiblePartnerId!: string | null;
}
