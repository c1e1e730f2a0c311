import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RegionalContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { communityCodeOf, listRegionalActionPlans, listRegionalCommunities } from './regional-community.service.js';
import { CommunityMembershipChange, RegionalActionPlan, RegionalEconomicCommunity } from './regional-community.type.js';

@Resolver(() => RegionalEconomicCommunity)
export class RegionalCommunityResolver {
  @Query(() => [RegionalEconomicCommunity], { description: 'The regional economic communities the AU recognises, in code order (reference data with sources).' })
  regionalEconomicCommunities(@Ctx() context: RegionalContext): Promise<RegionalEconomicCommunity[]> {
    return listRegionalCommunities(context.dataSource);
  }

  @Query(() => RegionalEconomicCommunity, {
    nullable: true,
    description: 'One regional economic community by its code ("ECOWAS", "CEN-SAD"; any case); null for a code the data does not record. BAD_USER_INPUT for a value that cannot be a code.',
  })
  async regionalEconomicCommunity(@Arg('code', () => String) code: string, @Ctx() context: RegionalContext): Promise<RegionalEconomicCommunity | null> {
    const known = await context.loaders.communityCodes.load('all');
    return context.loaders.communityByCode.load(communityCodeOf(code, 'code', known, 'keep'));
  }

  @Query(() => [RegionalActionPlan], {
    description:
      'Regional action plans and strategies on WPS, first adopted first: every body’s, or only those of one regional economic community (BAD_USER_INPUT, with the valid codes, for a code the data does not record).',
  })
  async regionalActionPlans(
    @Ctx() context: RegionalContext,
    @Arg('communityCode', () => String, { nullable: true, description: 'Only this community’s plans.' }) communityCode?: string | null,
  ): Promise<RegionalActionPlan[]> {
    if (communityCode === null || communityCode === undefined) return listRegionalActionPlans(context.dataSource);
    const known = await context.loaders.communityCodes.load('all');
    return context.loaders.actionPlansByCommunity.load(communityCodeOf(communityCode, 'communityCode', known, 'refuse'));
  }

  @FieldResolver(() => [Country], { description: 'Its member states, in code order, as the sources give them (see membersComplete).' })
  async members(@Root() community: RegionalEconomicCommunity, @Ctx() context: RegionalContext): Promise<Country[]> {
    return (await context.loaders.memberCodesByCommunity.load(community.code)).map((code) => ({ code }));
  }

  @FieldResolver(() => [CommunityMembershipChange], { description: 'Dated joins and departures the sources give, oldest first.' })
  changes(@Root() community: RegionalEconomicCommunity, @Ctx() context: RegionalContext): Promise<CommunityMembershipChange[]> {
    return context.loaders.membershipChangesByCommunity.load(community.code);
  }

  @FieldResolver(() => [RegionalActionPlan], { description: 'Its regional action plans on WPS, first adopted first.' })
  actionPlans(@Root() community: RegionalEconomicCommunity, @Ctx() context: RegionalContext): Promise<RegionalActionPlan[]> {
    return context.loaders.actionPlansByCommunity.load(community.code);
  }
}

@Resolver(() => CommunityMembershipChange)
export class CommunityMembershipChangeResolver {
  @FieldResolver(() => Country)
  country(@Root() change: CommunityMembershipChange): Country {
    return { code: change.countryCode };
  }
}

@Resolver(() => RegionalActionPlan)
export class RegionalActionPlanResolver {
  @FieldResolver(() => RegionalEconomicCommunity, { nullable: true, description: 'The regional economic community that adopted it; null when the body is not one (EU, NATO, ASEAN, …).' })
  community(@Root() plan: RegionalActionPlan, @Ctx() context: RegionalContext): Promise<RegionalEconomicCommunity | null> | null {
    return plan.communityCode === null ? null : context.loaders.communityByCode.load(plan.communityCode);
  }
}

@Resolver(() => Country)
export class CountryRegionalCommunitiesResolver {
  @FieldResolver(() => [RegionalEconomicCommunity], { description: 'The AU-recognised regional economic communities this state belongs to, in code order (reference data with sources).' })
  regionalCommunities(@Root() country: Country, @Ctx() context: RegionalContext): Promise<RegionalEconomicCommunity[]> {
    return context.loaders.communitiesByCountry.load(country.code);
  }
}
