import { Field, ObjectType } from 'type-graphql';
import { MemberStatus } from '../common/enums.js';

@ObjectType({ description: "A member state's NAP subgraph as the hub's registry knows it." })
export class Member {
  @Field(() => String)
  countryCode!: string;

  /** Not a field here: Member.endpoint is resolved by RegistryResolver, for the hub's own services only. */
  endpoint!: string;

  @Field(() => MemberStatus)
  status!: MemberStatus;

  @Field(() => String, { nullable: true, description: 'Version of the NAP contract the member serves.' })
  contractVersion!: string | null;

  @Field(() => Date, { nullable: true })
  lastCheckedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the member is quarantined or offline.' })
  reason!: string | null;

  @Field(() => Date)
  registeredAt!: Date;

  /** Not a field here: Member.revision is resolved by RegistryResolver, for the hub's own services only. */
  revision!: number;
}
