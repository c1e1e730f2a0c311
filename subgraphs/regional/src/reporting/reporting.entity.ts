import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A framework's reporting cycle: reference data (data/reporting-cycles.json). */
@Entity({ name: 'reporting_cycle' })
export class ReportingCycleEntity {
  @PrimaryColumn('text')
  code!: string;

  @Column('text', { name: 'framework_code' })
  frameworkCode!: string;

  @Column('integer')
  year!: number;

  @Column('text')
  title!: string;

  @Column('text')
  cadence!: string;

  @Column('text', { name: 'cadence_note' })
  cadenceNote!: string;

  @Column('boolean', { name: 'cadence_illustrative' })
  cadenceIllustrative!: boolean;

  @Column('date', { name: 'due_on' })
  dueOn!: string;

  @Column('boolean', { name: 'due_illustrative' })
  dueIllustrative!: boolean;

  @Column('text', { array: true })
  sources!: string[];
}

/** The hub's receipt of a member's submitted version: append-only (migration 1764900000000). */
@Entity({ name: 'submission_receipt' })
export class SubmissionReceiptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('text', { name: 'cycle_code' })
  cycleCode!: string;

  @Column('char', { name: 'country_code', length: 2 })
  countryCode!: string;

  @Column('integer')
  version!: number;

  @Column('text', { name: 'content_hash' })
  contentHash!: string;

  @Column('text', { name: 'member_claimed_hash', nullable: true })
  memberClaimedHash!: string | null;

  @Column('integer')
  answered!: number;

  @Column('integer')
  explained!: number;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('text', { name: 'received_from' })
  receivedFrom!: string;
}
