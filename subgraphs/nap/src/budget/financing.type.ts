import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { GenderMarker, RecipientType } from '../common/enums.js';

@ObjectType({ description: "A payment out of a budget line, in the line's currency, to a recipient of a known type." })
export class Disbursement {
  @Field(() => String)
  countryCode!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  disbursedOn!: string;

  @Field(() => Float, { description: "In the budget line's currency." })
  amount!: number;

  @Field(() => RecipientType)
  recipientType!: RecipientType;

  @Field(() => String, { nullable: true })
  recipientName!: string | null;

  @Field(() => Boolean)
  isDemo!: boolean;

  /** Not a field. */
  budgetLineId!: string;
}

@ObjectType({ description: 'What was disbursed to one type of recipient, and its share of all that was disbursed (in one currency).' })
export class RecipientTypeAmount {
  @Field(() => RecipientType)
  recipientType!: RecipientType;

  @Field(() => Float)
  amount!: number;

  @Field(() => Float, { nullable: true, description: 'amount / disbursed; null when nothing was disbursed.' })
  share!: number | null;
}

@ObjectType({ description: 'What was allocated to lines with one OECD DAC gender equality marker, and its share of all that was allocated (in one currency).' })
export class GenderMarkerAmount {
  @Field(() => GenderMarker)
  genderMarker!: GenderMarker;

  @Field(() => Float)
  allocated!: number;

  @Field(() => Float, { nullable: true, description: 'allocated / all allocated; null when nothing was allocated.' })
  share!: number | null;
}

@ObjectType({ description: "A plan's financing in one currency: never summed with another currency (no exchange rates are applied)." })
export class CurrencyFinancing {
  @Field(() => String, { description: 'ISO 4217 code.' })
  currency!: string;

  @Field(() => Float, {
    nullable: true,
    description: "The costed estimate in this currency: the plan's own estimate if it is in this currency, else the sum of the lines' estimates; null when neither exists.",
  })
  costedEstimate!: number | null;

  @Field(() => Float)
  allocated!: number;

  @Field(() => Float)
  disbursed!: number;

  @Field(() => Float)
  spent!: number;

  @Field(() => Float, { nullable: true, description: 'costedEstimate − allocated: what is still unfunded (negative when more was allocated than estimated); null without an estimate.' })
  fundingGap!: number | null;

  @Field(() => Float, { nullable: true, description: '(CSO + WOMENS_RIGHTS_ORGANISATION + GRASSROOTS) / disbursed; null when nothing was disbursed.' })
  shareToCivilSociety!: number | null;

  @Field(() => Float, { nullable: true, description: 'GRASSROOTS / disbursed; null when nothing was disbursed.' })
  shareToGrassroots!: number | null;

  @Field(() => [RecipientTypeAmount], { description: "Disbursed by recipient type; the part of the lines' disbursed totals without disbursement rows counts as UNKNOWN." })
  byRecipientType!: RecipientTypeAmount[];

  @Field(() => [GenderMarkerAmount], { description: 'Allocated by OECD DAC gender equality marker.' })
  byGenderMarker!: GenderMarkerAmount[];
}

@ObjectType({
  description:
    "A plan's financing from its published budget lines and their disbursements: the costed estimate against allocations (the funding gap), and how much reaches civil society and grassroots organisations. The headline figures are in one currency (`currency`); lines in other currencies are in `byCurrency` only.",
})
export class PlanFinancing {
  @Field(() => String, {
    nullable: true,
    description: "The currency of the headline figures: the plan's costed estimate's, else the lines' only currency; null when the lines have several and the plan has no estimate.",
  })
  currency!: string | null;

  @Field(() => Float, { nullable: true, description: 'The costed estimate in `currency`.' })
  costedEstimate!: number | null;

  @Field(() => String, { nullable: true, description: "Where the plan's costed estimate comes from." })
  costedEstimateSource!: string | null;

  @Field(() => Float, { nullable: true })
  allocated!: number | null;

  @Field(() => Float, { nullable: true })
  disbursed!: number | null;

  @Field(() => Float, { nullable: true })
  spent!: number | null;

  @Field(() => Float, { nullable: true, description: 'costedEstimate − allocated in `currency` (negative when over-allocated); null without an estimate.' })
  fundingGap!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of what was disbursed in `currency` that went to CSOs, women\'s rights and grassroots organisations.' })
  shareToCivilSociety!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of what was disbursed in `currency` that went to grassroots organisations.' })
  shareToGrassroots!: number | null;

  @Field(() => [RecipientTypeAmount], { description: 'Disbursed in `currency` by recipient type.' })
  byRecipientType!: RecipientTypeAmount[];

  @Field(() => [String], { description: 'Currencies of lines left out of the headline figures (see byCurrency): amounts in different currencies are never added.' })
  otherCurrencies!: string[];

  @Field(() => [CurrencyFinancing], { description: 'Every currency the plan is financed in, each on its own.' })
  byCurrency!: CurrencyFinancing[];

  @Field(() => Boolean, { description: 'True when any figure here is computed from demo values.' })
  isDemo!: boolean;

  @Field(() => [String], { description: 'Which inputs are demo values: costedEstimate, budgetLines, disbursements.' })
  demoInputs!: string[];
}

/** What this member's current plan sends to civil society and grassroots organisations (for a framework's financing view). */
@Directive('@key(fields: "countryCode")')
@ObjectType()
export class MemberFinancing {
  @Field(() => String)
  countryCode!: string;
}
