import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { FundingSource, GenderMarker, RecipientType } from '../common/enums.js';

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

  @Field(() => Float, { nullable: true, description: "What the line's work was costed at, in its currency (0 or more)." })
  costedEstimate?: number | null;

  @Field(() => GenderMarker, { nullable: true, description: 'OECD DAC gender equality policy marker; NOT_SCREENED when left out.' })
  genderMarker?: GenderMarker | null;
}

@InputType({ description: 'How much of a budget line has been disbursed and spent so far (amounts 0 or more); fields left out keep their value.' })
export class BudgetExecutionInput {
  @Field(() => Float, { nullable: true })
  disbursed?: number | null;

  @Field(() => Float, { nullable: true })
  spent?: number | null;
}

@InputType({ description: "A payment out of a budget line, in the line's currency: more than 0, on a day not in the future; it adds to the line's disbursed total." })
export class RecordDisbursementInput {
  @Field(() => String, { description: 'YYYY-MM-DD.' })
  disbursedOn!: string;

  @Field(() => Float)
  amount!: number;

  @Field(() => RecipientType)
  recipientType!: RecipientType;

  @Field(() => String, { nullable: true, description: 'The organisation paid (optional; for a CSO or grassroots group it may be left out to protect it).' })
  recipientName?: string | null;
}

@InputType({ description: "What a whole plan was costed at, and where the figure comes from." })
export class CostedEstimateInput {
  @Field(() => Float, { description: '0 or more.' })
  amount!: number;

  @Field(() => String, { description: 'ISO 4217 code, e.g. "UGX".' })
  currency!: string;

  @Field(() => String, { nullable: true, description: 'The document or page the estimate comes from.' })
  source?: string | null;
}
