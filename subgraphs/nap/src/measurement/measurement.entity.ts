import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '../common/numeric.transformer.js';
import type { ReportedStatus } from '../common/enums.js';
import type { MeasurementStatus } from './measurement-status.js';

/** One value of a disaggregated measurement, e.g. { dimension: "sex", category: "female", value: 12 }. */
export interface DisaggregatedValueRecord {
  dimension: string;
  category: string;
  value: number | null;
}

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

  /** The token subject of whoever recorded it (the member's focal points and audit log see it). */
  @Column('text', { name: 'recorded_by' })
  recordedBy!: string;

  /** What the public sees as `recordedBy`: a role and a country (measurement/recorded-by.ts). */
  @Column('text', { name: 'recorded_by_display' })
  recordedByDisplay!: string;

  /** 1 for the first value of a period; each correction adds a version. */
  @Column('integer')
  version!: number;

  @Column('uuid', { name: 'supersedes_id', nullable: true })
  supersedesId!: string | null;

  @Column('jsonb', { name: 'disaggregated_values' })
  disaggregatedValues!: DisaggregatedValueRecord[];

  @Column('text', { nullable: true })
  narrative!: string | null;

  @Column('text', { nullable: true })
  source!: string | null;

  @Column('text', { name: 'reported_status', nullable: true })
  reportedStatus!: ReportedStatus | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('text', { name: 'published_by', nullable: true })
  publishedBy!: string | null;
}
