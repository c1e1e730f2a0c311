import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** What a member's NAP subgraph says about its follow-up actions (external here; null when not connected or failed). The member also serves `oldestOverdueDue`. */
@Directive('@key(fields: "countryCode")')
@ObjectType()
export class MemberFollowUps {
  @Field(() => String)
  countryCode!: string;

  @Directive('@external')
  @Field(() => Int, { nullable: true })
  overdue?: number | null;

  @Directive('@external')
  @Field(() => Int, { nullable: true })
  open?: number | null;

  @Directive('@external')
  @Field(() => Int, { nullable: true })
  done?: number | null;

  @Directive('@external')
  @Field(() => Boolean, { nullable: true })
  isDemo?: boolean | null;
}

@ObjectType({
  description:
    "What is overdue across a framework's members: the follow-up actions of decisions on their reports' recommendations, counted from each member's own rows. A member that failed in this request is unavailable, never counted as nothing overdue.",
})
export class FollowUpSummary {
  @Field(() => Int)
  members!: number;

  @Field(() => Int, { description: 'Members whose NAP subgraph is connected.' })
  connected!: number;

  @Field(() => Int, { description: 'Connected members that failed in this request (MEMBER_UNAVAILABLE): not counted.' })
  unavailable!: number;

  @Field(() => Int, { description: 'Members that answered with at least one follow-up action (open, done or overdue).' })
  reporting!: number;

  @Field(() => Int, { description: "Overdue actions over the members that answered." })
  totalOverdue!: number;

  @Field(() => Int, { description: 'Members that answered with at least one overdue action.' })
  membersWithOverdue!: number;

  @Field(() => Boolean, { description: 'True when any figure here is computed from demo values.' })
  computedFromDemo!: boolean;
}

@Directive('@key(fields: "frameworkCode")')
@ObjectType({ description: "Follow-up actions across a framework's members: what is overdue, and where." })
export class FrameworkFollowUps {
  @Field(() => String)
  frameworkCode!: string;
}
