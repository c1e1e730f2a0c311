import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { FundingSource, GenderMarker, PublicationStatus } from '../common/enums.js';
import { ImplementingPartner } from '../partner/partner.type.js';

@Directive('@key(fields: "countryCode id")')
@ObjectType({ description: 'Money for a plan in one fiscal year: allocated, disbursed and spent, by partner or activity.' })
export class BudgetLine {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: 'ISO 4217 currency code.' })
  currency!: string;

  @Field(() => Float)
  allocated!: number;

  @Field(() => Float)
  disbursed!: number;

  @Field(() => Float)
  spent!: number;

  @Field(() => FundingSource)
  fundingSource!: FundingSource;

  @Field(() => Float, { nullable: true, description: "What the line's work was costed at, in the line's currency; null when the plan was not costed line by line." })
  costedEstimate!: number | null;

  @Field(() => GenderMarker, { description: 'OECD DAC gender equality policy marker of the line.' })
  genderMarker!: GenderMarker;

  @Field(() => PublicationStatus)
  status!: PublicationStatus;

  @Field(() => Boolean)
  isDemo!: boolean;

  /** Not fields. */
  planId!: string;
  partnerId!: string | null;
  activityId!: string | null;
}

@ObjectType({ description: 'Sums in one currency, with execution rates (null when nothing was allocated).' })
export class BudgetTotal {
  @Field(() => String)
  currency!: string;

  @Field(() => Float)
  allocated!: number;

  @Field(() => Float)
  disbursed!: number;

  @Field(() => Float)
  spent!: number;

  @Field(() => Float, { nullable: true, description: 'disbursed / allocated' })
  disbursementRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'spent / allocated' })
  executionRate!: number | null;
}

@ObjectType()
export class PartnerBudget {
  @Field(() => ImplementingPartner, { nullable: true, description: 'Null for lines not assigned to a partner.' })
  partner!: ImplementingPartner | null;

  @Field(() => [BudgetTotal])
  totals!: BudgetTotal[];
}

@ObjectType()
export class FiscalYearBudget {
  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => [BudgetTotal])
  totals!: BudgetTotal[];
}

@ObjectType({ description: "A plan's budget: whether it is costed and earmarked, and what its published budget lines add up to." })
export class PlanBudget {
  @Field(() => Boolean, { nullable: true, description: 'Whether the plan was costed.' })
  costed!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether funds are earmarked for the plan in the budget.' })
  earmarked!: boolean | null;

  @Field(() => [BudgetTotal], { description: 'Totals per currency.' })
  totals!: BudgetTotal[];

  @Field(() => [PartnerBudget])
  byPartner!: PartnerBudget[];

  @Field(() => [FiscalYearBudget])
  byFiscalYear!: FiscalYearBudget[];

  @Field(() => Boolean, { description: 'True when any line these sums are computed from is a demo value.' })
  isDemo!: boolean;
}
