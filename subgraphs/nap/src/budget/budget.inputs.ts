import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { FundingSource } from '../common/enums.js';

@InputType({ description: 'A budget line of a plan for one fiscal year (inside the plan period), recorded as a DRAFT. Amounts are 0 or more.' })
export class RecordBudgetLineInput {
  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => ID, { nullable: true, description: 'An implementing partner of the same plan.' })
  partnerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An activity of the same plan.' })
  activityId?: string | null;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: 'ISO 4217 code, e.g. "KES".' })
  currency!: string;

  @Field(() => Float)
  allocated!: number;

  @Field(() => Float, { defaultValue: 0 })
  disbursed!: number;

  @Field(() => Float, { defaultValue: 0 })
  spent!: number;

  @Field(() => FundingSource)
  fundingSource!: FundingSource;
}

@InputType({ description: 'How much of a budget line has been disbursed and spent so far (amounts 0 or more); fields left out keep their value.' })
export class BudgetExecutionInput {
  @Field(() => Float, { nullable: true })
  disbursed?: number | null;

  @Field(() => Float, { nullable: true })
  spent?: number | null;
}
