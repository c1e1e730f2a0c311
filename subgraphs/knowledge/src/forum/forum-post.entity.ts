import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'forum_post' })
export class ForumPostEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'thread_id' })
  threadId!: string;

  @Column('text')
  body!: string;

  /** The author (person_ref); null once their personal data was erased. */
  @Column('uuid', { name: 'author_ref', nullable: true })
  authorRef!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
