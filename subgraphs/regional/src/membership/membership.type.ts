import { Field, ObjectType } from 'type-graphql';
import { MembershipStatus } from '../common/enums.js';

@ObjectType({ description: "A state's membership of a framework's organisation." })
export class Membership {
  @Field(() => MembershipStatus)
  status!: MembershipStatus;

  @Field(() => String, { nullable: true, description: 'ISO date the membership started, where known.' })
  since!: string | null;

  @Field(() => String, { description: 'Where the membership fact comes from.' })
  source!: string;

  /** Not fields: resolved as `framework` (MembershipResolver) and `country` (MembershipCountryResolver). */
  frameworkCode!: string;
  countryCode!: string;
}
