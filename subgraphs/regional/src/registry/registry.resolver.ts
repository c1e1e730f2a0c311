import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RegionalContext } from '../context.js';
import { Country } from '../country/country.type.js';
import type { MemberStatus } from '../enums.js';
import { Member } from './member.type.js';

@Resolver(() => Member)
export class RegistryResolver {
  @Query(() => [Member], { description: 'The member registry: every registered NAP subgraph, its status and last contract check.' })
  async members(@Ctx() context: RegionalContext): Promise<Member[]> {
    const rows = await context.registry.list();
    return rows.map((row) => ({
      countryCode: row.countryCode,
      endpoint: row.endpoint,
      status: row.status as MemberStatus,
      contractVersion: row.contractVersion,
      lastCheckedAt: row.lastCheckedAt,
      reason: row.reason,
      registeredAt: row.registeredAt,
    }));
  }

  @FieldResolver(() => Country)
  country(@Root() member: Member): Country {
    return { code: member.countryCode };
  }
}
