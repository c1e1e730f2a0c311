import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RegionalContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { FrameworkCode, MembershipStatus, MemberStatus } from '../enums.js';
import { FrameworkEntity } from './framework.entity.js';
import { toFramework } from './framework.mapper.js';
import { RegionalFramework } from './framework.type.js';

@Resolver(() => RegionalFramework)
export class FrameworkResolver {
  @Query(() => [RegionalFramework], { description: 'The regional frameworks the hub reports against.' })
  async frameworks(@Ctx() context: RegionalContext): Promise<RegionalFramework[]> {
    const codes = Object.values(FrameworkCode);
    const rows = await context.loaders.frameworkByCode.loadMany(codes);
    return rows.filter((row): row is FrameworkEntity => row instanceof FrameworkEntity).map(toFramework);
  }

  @Query(() => RegionalFramework, { nullable: true })
  async framework(@Arg('code', () => FrameworkCode) code: FrameworkCode, @Ctx() context: RegionalContext): Promise<RegionalFramework | null> {
    const row = await context.loaders.frameworkByCode.load(code);
    return row ? toFramework(row) : null;
  }

  @FieldResolver(() => [Country], { description: "The framework organisation's member states, by code." })
  async members(
    @Root() framework: RegionalFramework,
    @Ctx() context: RegionalContext,
    @Arg('status', () => MembershipStatus, { nullable: true, description: 'Only ACTIVE or only SUSPENDED memberships.' }) status?: MembershipStatus | null,
    @Arg('memberStatus', () => MemberStatus, { nullable: true, description: 'Only states whose NAP subgraph has this status.' })
    memberStatus?: MemberStatus | null,
  ): Promise<Country[]> {
    let memberships = await context.loaders.membershipsByFramework.load(framework.code);
    if (status) memberships = memberships.filter((membership) => membership.status === status);
    if (memberStatus) {
      const members = await context.loaders.memberByCountry.loadMany(memberships.map((membership) => membership.countryCode));
      memberships = memberships.filter((_, index) => {
        const member = members[index];
        const current = member && !(member instanceof Error) ? member.status : MemberStatus.NOT_CONNECTED;
        return current === memberStatus;
      });
    }
    return memberships.map((membership) => ({ code: membership.countryCode }));
  }
}
