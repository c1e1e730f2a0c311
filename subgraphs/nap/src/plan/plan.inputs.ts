import { Field, InputType, Int } from 'type-graphql';
import { CivilSocietyRole, DocumentKind, Pillar, PlanFocus } from '../common/enums.js';
import { PlanStatus } from './plan-status.js';
import { ReportingCadence } from './reporting-cadence.type.js';

@InputType({ description: 'Where the facts of a plan come from, and whether the sources agree.' })
export class FactSourcesInput {
  @Field(() => [String], { description: 'Public sources (usually URLs) of the facts.' })
  references!: string[];

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'How the sources disagree, when they do.' })
  conflict?: string | null;

  @Field(() => Boolean, { defaultValue: true, description: 'False when the facts could not be confirmed in a primary or tracker source.' })
  verified!: boolean;
}

@InputType({ description: 'A document of a plan.' })
export class PlanDocumentInput {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true, description: 'An http:// or https:// URL.' })
  url?: string | null;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => String, { nullable: true, description: 'BCP 47 language tag, e.g. "en" or "fr".' })
  language?: string | null;
}

@InputType({ description: "A member state's new national action plan." })
export class CreateActionPlanInput {
  @Field(() => Int, { description: '1 for the first plan, 2 for the second, …; unique within the member.' })
  iteration!: number;

  @Field(() => String)
  title!: string;

  @Field(() => Int, { nullable: true, description: 'First year of the plan; measurements, activities, reports and budget lines must fall in the period.' })
  periodStart?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year of the plan (at least periodStart); null for open-ended.' })
  periodEnd?: number | null;

  @Field(() => PlanStatus, { defaultValue: PlanStatus.DRAFT })
  status!: PlanStatus;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date, as precise as known: "2016", "2016-05" or "2016-05-12".' })
  adoptedOn?: string | null;

  @Field(() => String, { nullable: true })
  adoptionInstrument?: string | null;

  @Field(() => String, { nullable: true })
  leadAgency?: string | null;

  @Field(() => PlanFocus, { nullable: true })
  focus?: PlanFocus | null;

  @Field(() => [Pillar], { nullable: true })
  pillars?: Pillar[] | null;

  @Field(() => [String], { nullable: true, description: 'Pillars beyond the four, in the plan\'s own words; outcomes may name them.' })
  nationalPillars?: string[] | null;

  @Field(() => String, { nullable: true })
  coordinationMechanism?: string | null;

  @Field(() => Boolean, { nullable: true })
  civilSocietyInCoordinationBody?: boolean | null;

  @Field(() => [CivilSocietyRole], { nullable: true })
  civilSocietyRoles?: CivilSocietyRole[] | null;

  @Field(() => Boolean, { nullable: true })
  baselineStudy?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  costed?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  earmarked?: boolean | null;

  @Field(() => FactSourcesInput, { nullable: true })
  sources?: FactSourcesInput | null;

  @Field(() => [PlanDocumentInput], { nullable: true })
  documents?: PlanDocumentInput[] | null;
}

@InputType({ description: 'How often the plan itself says its progress is reported.' })
export class PlanReportingCadenceInput {
  @Field(() => ReportingCadence)
  cadence!: ReportingCadence;

  @Field(() => String, { nullable: true, description: 'What the plan says, in its words (up to 1,000 characters).' })
  note?: string | null;

  @Field(() => [String], { nullable: true, description: 'Where it is stated (URLs or document references).' })
  sources?: string[] | null;
}

@InputType({ description: 'Changes to a plan: fields left out keep their value; null clears an optional one; `documents` replaces the list.' })
export class UpdateActionPlanInput {
  @Field(() => Int, { nullable: true })
  iteration?: number | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true })
  periodStart?: number | null;

  @Field(() => Int, { nullable: true })
  periodEnd?: number | null;

  @Field(() => PlanStatus, { nullable: true })
  status?: PlanStatus | null;

  @Field(() => String, { nullable: true })
  adoptedOn?: string | null;

  @Field(() => String, { nullable: true })
  adoptionInstrument?: string | null;

  @Field(() => String, { nullable: true })
  leadAgency?: string | null;

  @Field(() => PlanFocus, { nullable: true })
  focus?: PlanFocus | null;

  @Field(() => [Pillar], { nullable: true })
  pillars?: Pillar[] | null;

  @Field(() => [String], { nullable: true })
  nationalPillars?: string[] | null;

  @Field(() => String, { nullable: true })
  coordinationMechanism?: string | null;

  @Field(() => Boolean, { nullable: true })
  civilSocietyInCoordinationBody?: boolean | null;

  @Field(() => [CivilSocietyRole], { nullable: true })
  civilSocietyRoles?: CivilSocietyRole[] | null;

  @Field(() => Boolean, { nullable: true })
  baselineStudy?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  costed?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  earmarked?: boolean | null;

  @Field(() => PlanReportingCadenceInput, { nullable: true, description: 'How often the plan says its progress is reported; null clears it.' })
  reportingCadence?: PlanReportingCadenceInput | null;

  @Field(() => FactSourcesInput, { nullable: true })
  sources?: FactSourcesInput | null;

  @Field(() => [PlanDocumentInput], { nullable: true, description: 'Replaces the plan\'s documents when given.' })
  documents?: PlanDocumentInput[] | null;
}
