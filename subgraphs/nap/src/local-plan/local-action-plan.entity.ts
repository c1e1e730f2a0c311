import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PublicationStatus } from '../common/enums.js';
import type { LocalPlanLevel } from './local-plan.type.js';

/** A province's, district's or municipality's action plan under one national plan (migration 1765000000000). */
@Entity({ name: 'local_action_plan' })
export class LocalActionPlanEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'plan_id' })
  planId!: string;

  @Column('text')
  level!: LocalPlanLevel;

  @Column('text', { name: 'area_name' })
  areaName!: string;

  @Column('text', { name: 'area_code', nullable: true })
  areaCode!: string | null;

  @Column('text')
  title!: string;

  @Column('integer', { name: 'period_start', nullable: true })
  periodStart!: number | null;

  @Column('integer', { name: 'period_end', nullable: true })
  periodEnd!: number | null;

  @Column('text', { name: 'adopted_on', nullable: true })
  adoptedOn!: string | null;

  @Column('text', { name: 'lead_authority', nullable: true })
  leadAuthority!: string | null;

  @Column('text')
  status!: PublicationStatus;

  @Column('text', { name: 'source_references', array: true })
  sourceReferences!: string[];

  @Column('text', { name: 'demo_fields', array: true })
  demoFields!: string[];

  @Column('boolean', { name: 'is_demo' })
  isDemo!: boolean;

  @Column('text', { name: 'drafted_by', nullable: true })
  draftedBy!: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('text', { name: 'published_by', nullable: true })
  publishedBy!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
