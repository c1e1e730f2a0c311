import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { FrameworkCode, Locale, MembershipStatus, MemberStatus } from '../common/enums.js';
import type { RegionalContext } from '../context.js';
import { RegionalFramework } from '../framework/framework.type.js';
import { Membership } from '../membership/membership.type.js';
import { listCountryCodes } from './country.service.js';
import { Country } from './country.type.js';
import { alpha3Of, countryName, isIsoAlpha2 } from './iso-countries.js';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => [Country], { description: 'States the hub knows, in English name order; filter by framework and by whether their NAP subgraph is connected.' })
  async countries(
    @Ctx() context: RegionalContext,
    @Arg('framework', () => FrameworkCode, { nullable: true }) framework?: FrameworkCode | null,
    @Arg('memberStatus', () => MemberStatus, { nullable: true }) memberStatus?: MemberStatus | null,
  ): Promise<Country[]> {
    const codes = await listCountryCodes(context.dataSource, { framework, memberStatus });
    return codes.map((code) => ({ code }));
  }

  @Query(() => Country, { nullable: true, description: 'One state by ISO 3166-1 alpha-2 code; null for a code that is not a country.' })
  country(@Arg('code', () => String) code: string): Country | null {
    const normalised = code.trim().toUpperCase();
    return isIsoAlpha2(normalised) ? { code: normalised } : null;
  }

  @FieldResolver(() => String, { description: 'Name from ISO 3166 (i18n-iso-countries).' })
  name(@Root() country: Country, @Arg('locale', () => Locale, { defaultValue: Locale.EN }) locale: Locale): string {
    return countryName(country.code, locale);
  }

  @FieldResolver(() => String, { nullable: true, description: 'ISO 3166-1 alpha-3 code.' })
  alpha3(@Root() country: Country): string | null {
    return alpha3Of(country.code);
  }

  @FieldResolver(() => [Membership], { description: "The frameworks' organisations this state belongs to." })
  memberships(@Root() country: Country, @Ctx() context: RegionalContext): Promise<Membership[]> {
    return context.loaders.membershipsByCountry.load(country.code);
  }

  @FieldResolver(() => MemberStatus, { description: "Whether this state's own NAP subgraph is connected to the hub." })
  memberStatus(@Root() country: Country, @Ctx() context: RegionalContext): Promise<MemberStatus> {
    return context.loaders.memberStatusByCountry.load(country.code);
  }
}

/** A framework's member states. */
@Resolver(() => RegionalFramework)
export class FrameworkMembersResolver {
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
      const statuses = await Promise.all(memberships.map((membership) => context.loaders.memberStatusByCountry.load(membership.countryCode)));
      memberships = memberships.filter((_, index) => statuses[index] === memberStatus);
    }
    return memberships.map((membership) => ({ code: membership.countryCode }));
  }
}

/** The state of a membership. */
@Resolver(() => Membership)
export class MembershipCountryResolver {
  @FieldResolver(() => Country)
  country(@Root() membership: Membership): Country {
    return { code: membership.countryCode };
  }
}
