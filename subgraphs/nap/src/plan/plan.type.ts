import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { CivilSocietyRole, DocumentKind, Pillar, PlanFocus } from '../common/enums.js';
import { FactSources } from '../common/fact-sources.type.js';
import { Period } from '../common/period.type.js';
import { PlanStatus } from './plan-status.js';
import { PlanReportingCadence } from './reporting-cadence.type.js';

@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: "A member state's national action plan on Women, Peace and Security." })
export class NationalActionPlan {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the member state that owns the plan.' })
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1 for the first plan, 2 for the second, …' })
  iteration!: number;

  @Field(() => String)
  title!: string;

  @Field(() => Period)
  period!: Period;

  @Field(() => PlanStatus)
  status!: PlanStatus;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date, as precise as known: "2016", "2016-05" or "2016-05-12".' })
  adoptedOn!: string | null;

  @Field(() => FactSources)
  sources!: FactSources;

  @Field(() => [String], {
    description: 'Fields whose values were generated for the demo network and are not official facts (for example "title", "status").',
  })
  demoFields!: string[];

  @Field(() => String, { nullable: true, description: 'How the plan was adopted, e.g. "Cabinet decision".' })
  adoptionInstrument!: string | null;

  @Field(() => String, { nullable: true, description: 'The ministry or agency that leads the plan.' })
  leadAgency!: string | null;

  @Field(() => PlanFocus, { nullable: true })
  focus!: PlanFocus | null;

  @Field(() => [Pillar], { description: 'The UNSCR 1325 pillars the plan covers.' })
  pillars!: Pillar[];

  @Field(() => [String], { description: 'Pillars the plan adds beyond the four, in its own words.' })
  nationalPillars!: string[];

  @Field(() => String, { nullable: true, description: 'The body that coordinates implementation.' })
  coordinationMechanism!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether civil society organisations sit in the coordination body.' })
  civilSocietyInCoordinationBody!: boolean | null;

  @Field(() => [CivilSocietyRole], { description: 'Stages where civil society takes part.' })
  civilSocietyRoles!: CivilSocietyRole[];

  @Field(() => Boolean, { nullable: true, description: 'Whether a baseline study was done before the plan.' })
  baselineStudy!: boolean | null;

  @Field(() => PlanReportingCadence, { nullable: true, description: 'How often the plan itself says its progress is reported; null when not known.' })
  reportingCadence!: PlanReportingCadence | null;

  /** Not fields: budget flags, exposed through NationalActionPlan.budget. */
  costed!: boolean | null;
  earmarked!: boolean | null;
  /** Not a field: the plan's costed estimate, exposed through NationalActionPlan.financing. */
  costedEstimate!: { amount: number; currency: string; source: string | null } | null;
}

@ObjectType({ description: 'A document of a plan: the plan itself, implementation plans, studies.' })
export class PlanDocument {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. "en" or "fr".' })
  language!: string | null;

  /** Not a field: the plan it belongs to. */
  planId!: string;
}
