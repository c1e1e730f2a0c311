import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'civic_statement' })
export class CivicStatementEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: string;

  @Column('text', { name: 'country_code' })
  countryCode!: string;

  @Column('text', { name: 'target_type' })
  targetType!: string;

  @Column('text', { name: 'target_id' })
  targetId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  @Column('text', { name: 'source_url', nullable: true })
  sourceUrl!: string | null;

  @Column('text', { name: 'author_subject' })
  authorSubject!: string;

  @Column('text')
  organisation!: string;

  @Column('text', { name: 'author_kind' })
  authorKind!: string;

  @Column('text')
  status!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('boolean', { name: 'is_demo', default: false })
  isDemo!: boolean;
}
