import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActivityStatus } from '../common/enums.js';

@Entity({ name: 'activity' })
export class ActivityEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'output_id' })
  outputId!: string;

  @Column('text')
  code!: string;

  @Column('text')
  title!: string;

  @Column('uuid', { name: 'responsible_partner_id', nullable: true })
  responsiblePartnerId!: string | null;

  /** ISO dates (YYYY-MM-DD). */
  @Column('date', { name: 'starts_on', nullable: true })
  startsOn!: string | null;

  @Column('date', { name: 'ends_on', nullable: true })
  endsOn!: string | null;

  @Column('text')
  status!: ActivityStatus;

  @Column('integer')
  position!: number;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
