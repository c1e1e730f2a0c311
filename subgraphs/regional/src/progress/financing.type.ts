import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** What a member's NAP subgraph says about its current plan's financing (external here; null when not connected or failed). */
@Directive('@key(fields: "countryCode")')
@ObjectType()
export class MemberFinancing {
  @Field(() => String)
  countryCode!: string;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  shareToCivilSociety?: number | null;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  shareToGrassroots?: number | null;

  @Directive('@external')
  @Field(() => Boolean, { nullable: true })
  isDemo?: boolean | null;
}

@ObjectType({
  description:
    "How much of what members disbursed reaches civil society and grassroots organisations, from each member's own rows. Members finance in different currencies and no exchange rate is applied: the means are of each member's share, unweighted.",
})
export class FinancingSummary {
  @Field(() => Int)
  members!: number;

  @Field(() => Int, { description: 'Members whose NAP subgraph is connected.' })
  connected!: number;

  @Field(() => Int, { description: 'Connected members that failed in this request (MEMBER_UNAVAILABLE): not counted.' })
  unavailable!: number;

  @Field(() => Int, { description: 'Members that answered with a share (their current plan disbursed something).' })
  reporting!: number;

  @Field(() => Float, { nullable: true, description: "Mean of the reporting members' shares to civil society; null when none reports." })
  meanShareToCivilSociety!: number | null;

  @Field(() => Float, { nullable: true, description: "Mean of the reporting members' shares to grassroots organisations; null when none reports." })
  meanShareToGrassroots!: number | null;

  @Field(() => Float, { nullable: true, description: 'The lowest share to civil society among reporting members.' })
  minShareToCivilSociety!: number | null;

  @Field(() => Float, { nullable: true, description: 'The highest share to civil society among reporting members.' })
  maxShareToCivilSociety!: number | null;

  @Field(() => Int, { description: 'Reporting members whose figures are computed from demo values.' })
  demoMembers!: number;

  @Field(() => Boolean, { description: 'True when any figure here is computed from demo values.' })
  computedFromDemo!: boolean;
}

@Directive('@key(fields: "frameworkCode")')
@ObjectType({ description: "Financing across a framework's members: what reaches civil society and grassroots organisations." })
export class FrameworkFinancing {
  @Field(() => String)
  frameworkCode!: string;
}
