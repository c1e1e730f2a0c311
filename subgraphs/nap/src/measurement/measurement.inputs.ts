import { Field, Float, ID, InputType } from 'type-graphql';
import { ReportedStatus } from '../common/enums.js';

@InputType({ description: 'One value of a disaggregated measurement; the dimension must be one the indicator is disaggregated by.' })
export class DisaggregatedValueInput {
  @Field(() => String, { description: 'e.g. "sex"' })
  dimension!: string;

  @Field(() => String, { description: 'e.g. "female"' })
  category!: string;

  @Field(() => Float, { nullable: true })
  value?: number | null;
}

@InputType({
  description:
    'A value of an indicator for one period, recorded as a DRAFT. If the period already has a value, this is a correction: a new version ' +
    'that supersedes the latest one (stored values never change). Quantitative indicators take a value (in the unit) and disaggregated values; ' +
    'qualitative ones take a narrative and a reported status.',
})
export class RecordMeasurementInput {
  @Field(() => ID)
  indicatorId!: string;

  @Field(() => String, { description: '"2023", "2023-H1", "2023-Q2" or "2023-06", inside the plan period.' })
  period!: string;

  @Field(() => Float, { nullable: true })
  value?: number | null;

  @Field(() => [DisaggregatedValueInput], { nullable: true })
  disaggregatedValues?: DisaggregatedValueInput[] | null;

  @Field(() => String, { nullable: true })
  narrative?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the value comes from (needed to publish a quantitative value).' })
  source?: string | null;

  @Field(() => ReportedStatus, { nullable: true })
  reportedStatus?: ReportedStatus | null;
}
