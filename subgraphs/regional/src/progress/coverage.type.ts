import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** What a member's NAP subgraph says about its current plan (external here; null when not connected or failed). */
@Directive('@key(fields: "countryCode")')
@ObjectType()
export class MemberCoverage {
  @Field(() => String)
  countryCode!: string;

  @Directive('@external')
  @Field(() => Boolean, { nullable: true })
  hasCurrentPlan?: boolean | null;

  @Directive('@external')
  @Field(() => Boolean, { nullable: true })
  costed?: boolean | null;

  @Directive('@external')
  @Field(() => Boolean, { nullable: true })
  hasMonitoringFramework?: boolean | null;

  @Directive('@external')
  @Field(() => Boolean, { nullable: true })
  reportedLastCycle?: boolean | null;

  @Directive('@external')
  @Field(() => Boolean, { nullable: true })
  isDemo?: boolean | null;
}

@ObjectType({ description: "How many of a framework's members have each element of a working NAP, and the shares (over all members)." })
export class CoverageSummary {
  @Field(() => Int)
  members!: number;

  @Field(() => Int, { description: 'Members whose NAP subgraph is connected (the others cannot be counted).' })
  connected!: number;

  @Field(() => Int, { description: 'Connected members that failed in this request (MEMBER_UNAVAILABLE): their elements are not counted.' })
  unavailable!: number;

  @Field(() => Int, { description: 'Members with a plan in force today.' })
  withCurrentPlan!: number;

  @Field(() => Int, { description: "Members whose current plan's budget is costed." })
  costed!: number;

  @Field(() => Int, { description: 'Members whose current plan has an M&E framework (most indicators with baseline, target and frequency).' })
  withMonitoringFramework!: number;

  @Field(() => Int, { description: 'Members that published a report on the last completed year.' })
  reportedLastCycle!: number;

  @Field(() => Float, { nullable: true })
  currentPlanShare!: number | null;

  @Field(() => Float, { nullable: true })
  costedShare!: number | null;

  @Field(() => Float, { nullable: true })
  monitoringFrameworkShare!: number | null;

  @Field(() => Float, { nullable: true })
  reportedLastCycleShare!: number | null;

  @Field(() => Boolean, { description: "True when any member's answer counted here rests on demo values." })
  computedFromDemo!: boolean;
}

@Directive('@key(fields: "frameworkCode")')
@ObjectType({ description: "Coverage across a framework's members." })
export class FrameworkCoverage {
  @Field(() => String)
  frameworkCode!: string;
}

/** The framework indicator codes a member's current plan aligns to (external here) and those its catalogue lacks. */
@Directive('@key(fields: "countryCode frameworkCode")')
@ObjectType()
export class MemberAlignments {
  @Field(() => String)
  countryCode!: string;

  @Field(() => String)
  frameworkCode!: string;

  @Directive('@external')
  @Field(() => [String], { nullable: true })
  alignedCodes?: string[] | null;
}
