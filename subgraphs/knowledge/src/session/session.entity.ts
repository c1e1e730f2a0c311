import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'learning_session' })
export class LearningSessionEntity {
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text')
  kind!: string;

  @Column('text', { nullable: true })
  series!: string | null;

  /** As recorded: an ISO date, or a date-time with its UTC offset. */
  @Column('text', { name: 'starts_at' })
  startsAt!: string;

  @Column('text', { name: 'ends_at', nullable: true })
  endsAt!: string | null;

  /** IANA time zone of a timed session; null for a date-only one. */
  @Column('text', { name: 'time_zone', nullable: true })
  timeZone!: string | null;

  @Column('timestamptz', { name: 'start_instant' })
  startInstant!: Date;

  /** End, exclusive; for date-only sessions midnight UTC after the last day. */
  @Column('timestamptz', { name: 'end_instant', nullable: true })
  endInstant!: Date | null;

  @Column('text', { array: true })
  hosts!: string[];

  @Column('text', { nullable: true })
  access!: string | null;

  @Column('boolean', { name: 'chatham_house' })
  chathamHouse!: boolean;

  @Column('text', { array: true })
  formats!: string[];

  @Column('text', { array: true })
  objectives!: string[];

  @Column('text', { name: 'guiding_questions', array: true })
  guidingQuestions!: string[];

  @Column('text', { array: true })
  outcomes!: string[];

  @Column('text', { array: true })
  modules!: string[];

  @Column('text', { name: 'breakout_themes', array: true })
  breakoutThemes!: string[];

  @Column('text', { nullable: true })
  summary!: string | null;

  @Column('text', { nullable: true })
  url!: string | null;

  @Column('text', { array: true })
  themes!: string[];

  @Column('integer', { nullable: true })
  participants!: number | null;

  /** Seats; null = unlimited. */
  @Column('integer', { nullable: true })
  capacity!: number | null;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
