import { Field, ObjectType } from 'type-graphql';
import { MembershipStatus } from '../enums.js';

@ObjectType({ description: "A state's membership of a framework's organisation." })
export class Membership {
  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Field(() => String, { nullable: true, description: 'ISO date the membership started, where known.' })
  since!: string | null;

  @Field(() => String, { description: 'Where the membership fact comes from.' })
  source!: string;

  /** Not fields: resolved by MembershipResolver. */
  frameworkCode!: string;
  countryCode!: string;
}
