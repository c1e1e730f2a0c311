import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A recommendation of a report and the decision taken on it (reporting tied to decision-making). */
@Entity({ name: 'report_recommendation' })
export class ReportRecommendationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'report_id' })
  reportId!: string;

  @Column('integer')
  position!: number;

  @Column('text')
  text!: string;

  @Column('text', { nullable: true })
  decision!: string | null;

  @Column('date', { name: 'decided_on', nullable: true })
  decidedOn!: string | null;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;
}
