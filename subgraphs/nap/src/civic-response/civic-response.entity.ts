import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The state's answer to a civic statement the hub keeps (the statement itself is not here: knowledge subgraph). */
@Entity({ name: 'civic_response' })
export class CivicResponseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'statement_id' })
  statementId!: string;

  @Column('text')
  body!: string;

  @Column('text', { name: 'responded_by' })
  respondedBy!: string;

  @Column('text', { name: 'responded_by_display' })
  respondedByDisplay!: string;

  @Column('timestamptz', { name: 'responded_at' })
  respondedAt!: Date;
}
