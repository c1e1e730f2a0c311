import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DocumentKind } from '../common/enums.js';

@Entity({ name: 'plan_document' })
export class PlanDocumentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'plan_id' })
  planId!: string;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  url!: string | null;

  @Column('text')
  kind!: DocumentKind;

  @Column('text', { nullable: true })
  language!: string | null;

  @Column('integer')
  position!: number;
}
