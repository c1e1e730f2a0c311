import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'forum_thread' })
export class ForumThreadEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'session_id', nullable: true })
  sessionId!: string | null;

  @Column('text')
  title!: string;

  @Column('text', { name: 'author_subject' })
  authorSubject!: string;

  @Column('text', { name: 'author_name' })
  authorName!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;
}
