import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ReportedStatus } from '../common/enums.js';
import { MeasurementStatus } from './measurement-status.js';

@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: 'A value of an indicator for one period.' })
export class Measurement {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The period measured: "2023", "2023-H1", "2023-Q2" or "2023-06".' })
  period!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => MeasurementStatus)
  status!: MeasurementStatus;

  @Field(() => Boolean, { description: 'True when the value was generated for the demo network and is not an official figure.' })
  isDemo!: boolean;

  @Field(() => Date, { description: 'When the value was recorded.' })
  recordedAt!: Date;

  @Field(() => Int, { description: '1 for the first value of the period; a correction is a new version, the old one stays readable.' })
  version!: number;

  @Field(() => [DisaggregatedValue])
  disaggregatedValues!: DisaggregatedValue[];

  @Field(() => String, { nullable: true, description: 'Qualitative account of the period (stories are data too).' })
  narrative!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the value comes from.' })
  source!: string | null;

  @Field(() => ReportedStatus, { nullable: true, description: "For a qualitative indicator, the status its reporter gives." })
  reportedStatus!: ReportedStatus | null;

  @Field(() => String, { description: 'Who recorded it.' })
  recordedBy!: string;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  /** Not fields: relations, for resolvers. */
  indicatorId!: string;
  supersedesId!: string | null;
}

@ObjectType({ description: 'One value of a disaggregated measurement.' })
export class DisaggregatedValue {
  @Field(() => String, { description: 'e.g. "sex"' })
  dimension!: string;

  @Field(() => String, { description: 'e.g. "female"' })
  category!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;
}
