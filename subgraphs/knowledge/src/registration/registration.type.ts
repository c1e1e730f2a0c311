import { Field, ID, ObjectType } from 'type-graphql';
import { RegistrationStatus } from '../common/enums.js';

@ObjectType({ description: "A network member's seat (or request for one) at a learning session." })
export class SessionRegistration {
  @Field(() => ID)
  id!: string;

  @Field(() => RegistrationStatus)
  status!: RegistrationStatus;

  @Field(() => Date)
  registeredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a network admin confirmed or declined a request.' })
  decidedAt!: Date | null;

  @Field(() => String, { description: "The member's sign-in subject (shown to the member and to network admins only)." })
  subject!: string;

  /** Not a field: resolved as `session`. */
  sessionId!: string;
}

@ObjectType({ description: 'An invitation of a network member to an INVITATION_ONLY session.' })
export class SessionInvitation {
  @Field(() => String)
  subject!: string;

  @Field(() => Date)
  invitedAt!: Date;

  /** Not a field: resolved as `session`. */
  sessionId!: string;
}
