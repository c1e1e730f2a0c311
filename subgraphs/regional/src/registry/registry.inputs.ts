import { Directive, Field, InputType, Int } from 'type-graphql';
import { MemberStatus } from '../common/enums.js';

@InputType({ description: "Where a member state's NAP subgraph answers." })
export class RegisterMemberInput {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code of the member state.' })
  countryCode!: string;

  @Field(() => String, { description: 'The GraphQL endpoint of its NAP subgraph (http or https).' })
  endpoint!: string;
}

@InputType()
export class UpdateMemberInput {
  @Field(() => String, { nullable: true })
  endpoint?: string | null;

  @Field(() => MemberStatus, { nullable: true, description: 'OFFLINE takes the member out of routing; ACTIVE brings it back after a fresh contract check.' })
  status?: MemberStatus | null;
}

@InputType({ description: "The gateway's contract check of a member (hub service only)." })
export class MemberCheckInput {
  @Field(() => Boolean)
  passed!: boolean;

  @Field(() => String, { nullable: true, description: 'The types and fields that differ from the contract.' })
  reason?: string | null;

  @Field(() => String, { nullable: true })
  contractVersion?: string | null;

  @Directive('@inaccessible')
  @Field(() => Int, { nullable: true, description: 'The Member.revision that was checked: a verdict on a revision the admin has changed since is not recorded.' })
  revision?: number | null;
}
