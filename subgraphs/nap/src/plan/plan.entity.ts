import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PlanStatus } from './plan-status.js';

@Entity({ name: 'national_action_plan' })
export class NationalActionPlanEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('integer')
  iteration!: number;

  @Column('text')
  title!: string;

  @Column('integer', { name: 'period_start', nullable: true })
  periodStart!: number | null;

  @Column('integer', { name: 'period_end', nullable: true })
  periodEnd!: number | null;

  @Column('text')
  status!: PlanStatus;

  @Column('text', { name: 'adopted_on', nullable: true })
  adoptedOn!: string | null;

  @Column('text', { name: 'source_references', array: true })
  sourceReferences!: string[];

  @Column('text', { name: 'source_note', nullable: true })
  sourceNote!: string | null;

  @Column('text', { name: 'source_conflict', nullable: true })
  sourceConflict!: string | null;

  @Column('boolean')
  verified!: boolean;

  @Column('text', { name: 'demo_fields', array: true })
  demoFields!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
