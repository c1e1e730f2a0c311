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

  @Column('text')
  source!: string;

  @Column('text', { name: 'session_id', nullable: true })
  sessionId!: string | null;

  @Column('integer', { nullable: true })
  year!: number | null;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
