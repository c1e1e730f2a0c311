import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../common/numeric.transformer.js';
import type { MeasurementStatus } from './measurement-status.js';

@Entity({ name: 'measurement' })
export class MeasurementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'indicator_id' })
  indicatorId!: string;

  /** "2023", "2023-Q2", "2023-H1" or "2023-06". */
  @Column('text')
  period!: string;

  @Column('numeric', { nullable: true, transformer: numericTransformer })
  value!: number | null;

  @Column('text')
  status!: MeasurementStatus;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('text', { name: 'recorded_by' })
  recordedBy!: string;
}
