import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'forum_thread' })
export class ForumThreadEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'session_id', nullable: true })
  sessionId!: string | null;

  @Column('text')
  title!: string;

  /** The author (person_ref); null once their personal data was erased. */
  @Column('uuid', { name: 'author_ref', nullable: true })
  authorRef!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
