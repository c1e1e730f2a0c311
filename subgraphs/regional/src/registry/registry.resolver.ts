import { requireRole, Role } from '@wps/kit';
import { Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
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

  @Directive('@inaccessible')
  @FieldResolver(() => String, { description: "Internal endpoint of the member's subgraph: never exposed through the gateway, readable by the hub's own services and its admin." })
  endpoint(@Root() member: Member, @Ctx() context: RegionalContext): string {
    requireRole(context.principal, [Role.HUB_SERVICE, Role.HUB_ADMIN], 'read member endpoints');
    return member.endpoint;
  }

  @FieldResolver(() => Country)
  country(@Root() member: Member): Country {
    return { code: member.countryCode };
  }
}
