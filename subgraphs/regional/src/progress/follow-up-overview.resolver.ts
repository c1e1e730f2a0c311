import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { MemberStatus } from '../common/enums.js';
import type { RegionalContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { RegionalFramework } from '../framework/framework.type.js';
import { summariseFollowUps } from './follow-up-overview.service.js';
import { FollowUpSummary, FrameworkFollowUps, MemberFollowUps } from './follow-up-overview.type.js';
import { countNotConnected, rowCountries } from './progress.service.js';

@Resolver(() => RegionalFramework)
export class FrameworkFollowUpsField {
  @FieldResolver(() => FrameworkFollowUps, { description: "The follow-up actions of members' decisions on recommendations: what is overdue, per member and across the framework, from each member's own rows." })
  followUps(@Root() framework: RegionalFramework): FrameworkFollowUps {
    return { frameworkCode: framework.code };
  }
}

@Resolver(() => FrameworkFollowUps)
export class FrameworkFollowUpsResolver {
  @FieldResolver(() => [MemberFollowUps], { description: 'One row per member state; each member resolves its own.' })
  async members(@Root() followUps: FrameworkFollowUps, @Ctx() context: RegionalContext): Promise<MemberFollowUps[]> {
    return (await rowCountries(context, followUps.frameworkCode)).map((countryCode) => ({ countryCode }));
  }

  @Directive('@requires(fields: "members { overdue open done isDemo }")')
  @FieldResolver(() => FollowUpSummary)
  async summary(@Root() followUps: FrameworkFollowUps & { members?: (MemberFollowUps | null)[] }, @Ctx() context: RegionalContext): Promise<FollowUpSummary> {
    const countries = await rowCountries(context, followUps.frameworkCode);
    const notConnected = await countNotConnected(countries, (code) => context.loaders.memberStatusByCountry.load(code));
    return summariseFollowUps(followUps.members ?? [], notConnected);
  }
}

@Resolver(() => MemberFollowUps)
export class MemberFollowUpsResolver {
  @FieldResolver(() => Country)
  country(@Root() row: MemberFollowUps): Country {
    return { code: row.countryCode };
  }

  @FieldResolver(() => MemberStatus)
  memberStatus(@Root() row: MemberFollowUps, @Ctx() context: RegionalContext): Promise<MemberStatus> {
    return context.loaders.memberStatusByCountry.load(row.countryCode);
  }
}
