import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { PublicationStatus } from '../common/enums.js';
import { BenchmarkInput } from '../indicator/indicator.inputs.js';
import { LocalPlanLevel, LocalValueKind } from './local-plan.type.js';

@InputType({ description: 'A local action plan under a national plan, recorded as a DRAFT.' })
export class CreateLocalActionPlanInput {
  @Field(() => LocalPlanLevel)
  level!: LocalPlanLevel;

  @Field(() => String, { description: 'Up to 200 characters; unique within the national plan and level.' })
  areaName!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 code of the area, starting with the member\'s country code, e.g. "KE-01".' })
  areaCode?: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => Int, { nullable: true })
  periodStart?: number | null;

  @Field(() => Int, { nullable: true, description: 'Not before periodStart.' })
  periodEnd?: number | null;

  @Field(() => String, { nullable: true, description: 'As precise as known: "2021", "2021-06" or "2021-06-15".' })
  adoptedOn?: string | null;

  @Field(() => String, { nullable: true })
  leadAuthority?: string | null;

  @Field(() => [String], { nullable: true, description: 'http(s) addresses of the sources of the plan.' })
  sources?: string[] | null;
}

@InputType({ description: 'Changes to a local action plan; fields left out keep their value. status PUBLISHED publishes a draft (a published plan stays published).' })
export class UpdateLocalActionPlanInput {
  @Field(() => String, { nullable: true })
  areaName?: string | null;

  @Field(() => String, { nullable: true })
  areaCode?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true })
  periodStart?: number | null;

  @Field(() => Int, { nullable: true })
  periodEnd?: number | null;

  @Field(() => String, { nullable: true })
  adoptedOn?: string | null;

  @Field(() => String, { nullable: true })
  leadAuthority?: string | null;

  @Field(() => [String], { nullable: true })
  sources?: string[] | null;

  @Field(() => PublicationStatus, { nullable: true })
  status?: PublicationStatus | null;
}

@InputType({ description: "An indicator of a local plan. A target is in its value kind (PERCENTAGE: 0–100, COUNT: 0 or more), its year inside the local plan's period." })
export class AddLocalIndicatorInput {
  @Field(() => String, { description: 'Unique within the local plan: up to 32 letters, digits, dots and hyphens.' })
  code!: string;

  @Field(() => String)
  title!: string;

  @Field(() => LocalValueKind)
  valueKind!: LocalValueKind;

  @Field(() => BenchmarkInput, { nullable: true })
  target?: BenchmarkInput | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The national indicator it rolls up to: a quantitative indicator of the same national plan, in the unit of valueKind ("number" or "%"), linked from one local indicator per local plan.',
  })
  nationalIndicatorId?: string | null;
}

@InputType({ description: 'A value of a local indicator for a period inside the local plan period; one value per period.' })
export class RecordLocalMeasurementInput {
  @Field(() => String, { description: '"2023", "2023-H1", "2023-Q2" or "2023-06".' })
  period!: string;

  @Field(() => Float)
  value!: number;
}
