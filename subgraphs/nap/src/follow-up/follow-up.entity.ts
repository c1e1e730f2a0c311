import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What was decided on a recommendation, turned into an action with a responsible partner, a due date and a status. */
@Entity({ name: 'follow_up_action' })
export class FollowUpActionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'recommendation_id' })
  recommendationId!: string;

  @Column('text')
  description!: string;

  @Column('uuid', { name: 'responsible_partner_id' })
  responsiblePartnerId!: string;

  @Column('date', { name: 'due_on' })
  dueOn!: string;

  @Column('text')
  status!: string;

  @Column('date', { name: 'completed_on', nullable: true })
  completedOn!: string | null;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
