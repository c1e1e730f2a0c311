import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PublicationStatus, ReportKind } from '../common/enums.js';

@Entity({ name: 'progress_report' })
export class ProgressReportEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'plan_id' })
  planId!: string;

  @Column('text')
  kind!: ReportKind;

  @Column('text')
  title!: string;

  @Column('integer', { name: 'period_start' })
  periodStart!: number;

  @Column('integer', { name: 'period_end' })
  periodEnd!: number;

  @Column('text')
  status!: PublicationStatus;

  @Column('text', { array: true })
  findings!: string[];

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('text', { name: 'drafted_by', nullable: true })
  draftedBy!: string | null;

  @Column('text', { name: 'published_by', nullable: true })
  publishedBy!: string | null;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
