import { Field, InputType, Int } from 'type-graphql';
import { ReportKind } from '../common/enums.js';

@InputType({ description: 'The decision taken on a recommendation.' })
export class DecisionInput {
  @Field(() => String)
  text!: string;

  @Field(() => String, { nullable: true, description: 'ISO date, YYYY-MM-DD.' })
  decidedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Who decided, e.g. "Steering committee".' })
  decidedBy?: string | null;
}

@InputType({ description: 'A recommendation of a report, with the decision taken on it if there is one yet.' })
export class RecommendationInput {
  @Field(() => String)
  text!: string;

  @Field(() => DecisionInput, { nullable: true })
  decision?: DecisionInput | null;
}

@InputType({ description: 'A progress report of a plan, recorded as a DRAFT; its years lie inside the plan period.' })
export class CreateProgressReportInput {
  @Field(() => ReportKind)
  kind!: ReportKind;

  @Field(() => String)
  title!: string;

  @Field(() => Int)
  periodStart!: number;

  @Field(() => Int)
  periodEnd!: number;

  @Field(() => [String], { nullable: true, description: 'At least one is needed to publish the report.' })
  findings?: string[] | null;

  @Field(() => [RecommendationInput], { nullable: true })
  recommendations?: RecommendationInput[] | null;
}
