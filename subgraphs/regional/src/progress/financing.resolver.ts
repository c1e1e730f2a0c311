import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { MemberStatus } from '../common/enums.js';
import type { RegionalContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { RegionalFramework } from '../framework/framework.type.js';
import { summariseFinancing } from './financing.service.js';
import { FinancingSummary, FrameworkFinancing, MemberFinancing } from './financing.type.js';
import { countNotConnected, rowCountries } from './progress.service.js';

@Resolver(() => RegionalFramework)
export class FrameworkFinancingField {
  @FieldResolver(() => FrameworkFinancing, { description: "How much of members' disbursements reaches civil society and grassroots organisations, from each member's own rows." })
  financing(@Root() framework: RegionalFramework): FrameworkFinancing {
    return { frameworkCode: framework.code };
  }
}

@Resolver(() => FrameworkFinancing)
export class FrameworkFinancingResolver {
  @FieldResolver(() => [MemberFinancing], { description: 'One row per member state; each member resolves its own.' })
  async members(@Root() financing: FrameworkFinancing, @Ctx() context: RegionalContext): Promise<MemberFinancing[]> {
    return (await rowCountries(context, financing.frameworkCode)).map((countryCode) => ({ countryCode }));
  }

  @Directive('@requires(fields: "members { shareToCivilSociety shareToGrassroots isDemo }")')
  @FieldResolver(() => FinancingSummary)
  async summary(@Root() financing: FrameworkFinancing & { members?: (MemberFinancing | null)[] }, @Ctx() context: RegionalContext): Promise<FinancingSummary> {
    const countries = await rowCountries(context, financing.frameworkCode);
    const notConnected = await countNotConnected(countries, (code) => context.loaders.memberStatusByCountry.load(code));
    return summariseFinancing(financing.members ?? [], notConnected);
  }
}

@Resolver(() => MemberFinancing)
export class MemberFinancingResolver {
  @FieldResolver(() => Country)
  country(@Root() row: MemberFinancing): Country {
    return { code: row.countryCode };
  }

  @FieldResolver(() => MemberStatus)
  memberStatus(@Root() row: MemberFinancing, @Ctx() context: RegionalContext): Promise<MemberStatus> {
    return context.loaders.memberStatusByCountry.load(row.countryCode);
  }
}
