import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum FollowUpStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}
registerEnumType(FollowUpStatus, {
  name: 'FollowUpStatus',
  valuesConfig: { DROPPED: { description: 'Decided against, with the reason in the description.' } },
});

@ObjectType({ description: 'A decision on a recommendation, followed up: who does what by when, and how far it is.' })
export class FollowUpAction {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, { description: 'ISO date it is due.' })
  dueOn!: string;

  @Field(() => FollowUpStatus)
  status!: FollowUpStatus;

  @Field(() => String, { nullable: true, description: 'ISO date it was done (DONE only).' })
  completedOn!: string | null;

  @Field(() => Boolean, { description: 'Past its due date (UTC) and neither DONE nor DROPPED.' })
  overdue!: boolean;

  @Field(() => Boolean, { description: 'True for actions generated for the demo network.' })
  isDemo!: boolean;

  /** Not fields: resolved by FollowUpActionResolver. */
  recommendationId!: string;
  responsiblePartnerId!: string;
}

/** Where this member's follow-up actions stand, every plan's (for a framework's follow-up view): the entity the regional subgraph asks for. */
@Directive('@key(fields: "countryCode")')
@ObjectType()
export class MemberFollowUps {
  @Field(() => String)
  countryCode!: string;
}
