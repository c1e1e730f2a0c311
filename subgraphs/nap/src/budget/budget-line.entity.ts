import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FundingSource, GenderMarker, PublicationStatus } from '../common/enums.js';
import { numericTransformer } from '../common/numeric.transformer.js';

@Entity({ name: 'budget_line' })
export class BudgetLineEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'plan_id' })
  planId!: string;

  @Column('integer', { name: 'fiscal_year' })
  fiscalYear!: number;

  @Column('uuid', { name: 'partner_id', nullable: true })
  partnerId!: string | null;

  @Column('uuid', { name: 'activity_id', nullable: true })
  activityId!: string | null;

  @Column('text')
  description!: string;

  /** ISO 4217 code. */
  @Column('char', { length: 3 })
  currency!: string;

  @Column('numeric', { transformer: numericTransformer })
  allocated!: number;

  @Column('numeric', { transformer: numericTransformer })
  disbursed!: number;

  @Column('numeric', { transformer: numericTransformer })
  spent!: number;

  /** What the line's work was costed at (null: not costed line by line). */
  @Column('numeric', { name: 'costed_estimate', nullable: true, transformer: numericTransformer })
  costedEstimate!: number | null;

  @Column('text', { name: 'gender_marker' })
  genderMarker!: GenderMarker;

  @Column('text', { name: 'funding_source' })
  fundingSource!: FundingSource;

  @Column('text')
  status!: PublicationStatus;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
