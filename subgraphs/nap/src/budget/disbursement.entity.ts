import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RecipientType } from '../common/enums.js';
import { numericTransformer } from '../common/numeric.transformer.js';

/** One payment out of a budget line, in the line's currency, to a recipient of a known type. */
@Entity({ name: 'disbursement' })
export class DisbursementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'budget_line_id' })
  budgetLineId!: string;

  /** YYYY-MM-DD. */
  @Column('date', { name: 'disbursed_on' })
  disbursedOn!: string;

  @Column('numeric', { transformer: numericTransformer })
  amount!: number;

  @Column('text', { name: 'recipient_type' })
  recipientType!: RecipientType;

  @Column('text', { name: 'recipient_name', nullable: true })
  recipientName!: string | null;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;

  @Column('text', { name: 'recorded_by' })
  recordedBy!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
