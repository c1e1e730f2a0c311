import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RegionalContext } from '../context.js';
import { FrameworkCode, Locale, MemberStatus } from '../enums.js';
import { Membership } from '../membership/membership.type.js';
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
    const codes = await context.countries.listCodes({ framework, memberStatus });
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
  async memberships(@Root() country: Country, @Ctx() context: RegionalContext): Promise<Membership[]> {
    return (await context.loaders.membershipsByCountry.load(country.code)) as Membership[];
  }

  @FieldResolver(() => MemberStatus, { description: "Whether this state's own NAP subgraph is connected to the hub." })
  async memberStatus(@Root() country: Country, @Ctx() context: RegionalContext): Promise<MemberStatus> {
    const member = await context.loaders.memberByCountry.load(country.code);
    return member ? (member.status as MemberStatus) : MemberStatus.NOT_CONNECTED;
  }
}
