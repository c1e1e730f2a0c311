import { Field, ID, InputType } from 'type-graphql';
import { FollowUpStatus } from './follow-up.type.js';

@InputType({ description: 'An action that follows up the decision on a recommendation.' })
export class AddFollowUpActionInput {
  @Field(() => String, { description: '5 to 1,000 characters.' })
  description!: string;

  @Field(() => ID, { description: "An implementing partner of the report's plan." })
  responsiblePartnerId!: string;

  @Field(() => String, { description: 'ISO date it is due.' })
  dueOn!: string;
}

@InputType({ description: 'Where an action stands.' })
export class UpdateFollowUpStatusInput {
  @Field(() => FollowUpStatus)
  status!: FollowUpStatus;

  @Field(() => String, { nullable: true, description: 'ISO date it was done: required for DONE, refused otherwise.' })
  completedOn?: string | null;
}
