import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CivilSocietyRole, Pillar, PlanFocus } from '../common/enums.js';
import { numericTransformer } from '../common/numeric.transformer.js';
import type { PlanStatus } from './plan-status.js';
import type { ReportingCadence } from './reporting-cadence.type.js';

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

  @Column('text', { name: 'adoption_instrument', nullable: true })
  adoptionInstrument!: string | null;

  @Column('text', { name: 'lead_agency', nullable: true })
  leadAgency!: string | null;

  @Column('text', { nullable: true })
  focus!: PlanFocus | null;

  @Column('text', { array: true })
  pillars!: Pillar[];

  @Column('text', { name: 'national_pillars', array: true })
  nationalPillars!: string[];

  @Column('text', { name: 'coordination_mechanism', nullable: true })
  coordinationMechanism!: string | null;

  @Column('boolean', { name: 'csos_in_coordination_body', nullable: true })
  csosInCoordinationBody!: boolean | null;

  @Column('text', { name: 'civil_society_roles', array: true })
  civilSocietyRoles!: CivilSocietyRole[];

  @Column('boolean', { name: 'baseline_study', nullable: true })
  baselineStudy!: boolean | null;

  @Column('boolean', { nullable: true })
  costed!: boolean | null;

  @Column('boolean', { nullable: true })
  earmarked!: boolean | null;

  /** What the whole plan was costed at, in `costedEstimateCurrency` (both null when not known). */
  @Column('numeric', { name: 'costed_estimate', nullable: true, transformer: numericTransformer })
  costedEstimate!: number | null;

  @Column('char', { name: 'costed_estimate_currency', length: 3, nullable: true })
  costedEstimateCurrency!: string | null;

  /** Where the estimate comes from (a document, a tracker page). */
  @Column('text', { name: 'costed_estimate_source', nullable: true })
  costedEstimateSource!: string | null;

  /** How often the plan itself says progress is reported (null when not known), in its words, and where that is stated. */
  @Column('text', { name: 'reporting_cadence', nullable: true })
  reportingCadence!: ReportingCadence | null;

  @Column('text', { name: 'reporting_cadence_note', nullable: true })
  reportingCadenceNote!: string | null;

  @Column('text', { name: 'reporting_cadence_sources', array: true })
  reportingCadenceSources!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
