import { Column, Entity, PrimaryColumn } from 'typeorm';
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
}
