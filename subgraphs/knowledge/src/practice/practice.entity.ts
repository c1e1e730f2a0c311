import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'good_practice' })
export class GoodPracticeEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text')
  summary!: string;

  @Column('text', { array: true })
  themes!: string[];

  @Column('text', { name: 'country_codes', array: true })
  countryCodes!: string[];

  @Column('text', { array: true })
  pillars!: string[];

  @Column('text', { array: true })
  frameworks!: string[];

  @Column('text')
  source!: string;

  @Column('text', { name: 'session_id', nullable: true })
  sessionId!: string | null;

  @Column('integer', { nullable: true })
  year!: number | null;

  @Column('text', { nullable: true })
  evidence!: string | null;

  @Column('text')
  status!: string;

  @Column('text', { name: 'proposed_by', nullable: true })
  proposedBy!: string | null;

  @Column('timestamptz', { name: 'proposed_at', nullable: true })
  proposedAt!: Date | null;

  @Column('text', { name: 'moderated_by', nullable: true })
  moderatedBy!: string | null;

  @Column('timestamptz', { name: 'moderated_at', nullable: true })
  moderatedAt!: Date | null;

  @Column('text', { name: 'moderation_note', nullable: true })
  moderationNote!: string | null;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
