import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'forum_post' })
export class ForumPostEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'thread_id' })
  threadId!: string;

  @Column('text')
  body!: string;

  @Column('text', { name: 'author_subject' })
  authorSubject!: string;

  @Column('text', { name: 'author_name' })
  authorName!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
