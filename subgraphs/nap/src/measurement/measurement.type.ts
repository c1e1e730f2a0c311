import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
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

  /** Not a field: the indicator it measures. */
  indicatorId!: string;
}
