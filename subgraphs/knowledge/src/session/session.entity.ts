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

  @Column('text', { name: 'starts_at' })
  startsAt!: string;

  @Column('text', { name: 'ends_at', nullable: true })
  endsAt!: string | null;

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
  themes!: string[];

  @Column('integer', { nullable: true })
  participants!: number | null;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
