import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../common/numeric.transformer.js';

/** One value of a local indicator for one period; the service's role may add values, never change them. */
@Entity({ name: 'local_measurement' })
export class LocalMeasurementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'local_indicator_id' })
  localIndicatorId!: string;

  @Column('text')
  period!: string;

  @Column('numeric', { transformer: numericTransformer })
  value!: number;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;

  @Column('text', { name: 'recorded_by' })
  recordedBy!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
