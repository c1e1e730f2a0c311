import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { catalogueOf } from '../catalogue/catalogue.loaders.js';
import { FrameworkIndicator } from '../catalogue/framework-indicator.type.js';
import { MemberStatus, Pillar } from '../common/enums.js';
import type { RegionalContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { RegionalFramework } from '../framework/framework.type.js';
import { CoverageSummary, FrameworkCoverage, MemberAlignments, MemberCoverage } from './coverage.type.js';
import { listMembers } from '../registry/registry.service.js';
import { countNotConnected, rowCountries, summariseCoverage, summariseProgress } from './progress.service.js';
import { CountryIndicatorProgress, FrameworkIndicatorProgress, PillarProgress, ProgressSummary } from './progress.type.js';

const thisYear = () => new Date().getUTCFullYear();

/** How many of these states run no NAP subgraph. */
const notConnectedOf = (countries: readonly string[], context: RegionalContext) => countNotConnected(countries, (code) => context.loaders.memberStatusByCountry.load(code));

@Resolver(() => FrameworkIndicator)
export class FrameworkIndicatorProgressField {
  @FieldResolver(() => FrameworkIndicatorProgress, {
    description: "Every member's progress on this indicator, resolved by each member's own subgraph, and the summary. Default: this year.",
  })
  progress(@Root() indicator: FrameworkIndicator, @Arg('year', () => Int, { nullable: true }) year?: number | null): FrameworkIndicatorProgress {
    return { frameworkCode: indicator.frameworkCode, code: indicator.code, year: year ?? thisYear() };
  }
}

@Resolver(() => FrameworkIndicatorProgress)
export class FrameworkIndicatorProgressResolver {
  @FieldResolver(() => [CountryIndicatorProgress], { description: 'One row per member state, in English name order.' })
  async rows(@Root() progress: FrameworkIndicatorProgress, @Ctx() context: RegionalContext): Promise<CountryIndicatorProgress[]> {
    const countries = await rowCountries(context, progress.frameworkCode);
    return countries.map((countryCode) => ({ countryCode, frameworkCode: progress.frameworkCode, indicatorCode: progress.code, year: progress.year }));
  }

  @Directive('@requires(fields: "rows { status isDemo }")')
  @FieldResolver(() => ProgressSummary, { description: "Counts over the rows, from the statuses the members' subgraphs returned." })
  async summary(@Root() progress: FrameworkIndicatorProgress & { rows?: (CountryIndicatorProgress | null)[] }, @Ctx() context: RegionalContext): Promise<ProgressSummary> {
    const notConnected = await notConnectedOf(await rowCountries(context, progress.frameworkCode), context);
    return summariseProgress(progress.rows ?? [], notConnected);
  }

  @FieldResolver(() => FrameworkIndicator, { nullable: true })
  indicator(@Root() progress: FrameworkIndicatorProgress, @Ctx() context: RegionalContext): Promise<FrameworkIndicator | null> {
    return context.loaders.frameworkIndicatorByKey.load(`${progress.frameworkCode}/${progress.code}`);
  }
}

@Resolver(() => CountryIndicatorProgress)
export class CountryIndicatorProgressResolver {
  @FieldResolver(() => Country)
  country(@Root() row: CountryIndicatorProgress): Country {
    return { code: row.countryCode };
  }

  @FieldResolver(() => MemberStatus, { description: 'NOT_CONNECTED rows carry no data and no error: the state runs no NAP subgraph.' })
  memberStatus(@Root() row: CountryIndicatorProgress, @Ctx() context: RegionalContext): Promise<MemberStatus> {
    return context.loaders.memberStatusByCountry.load(row.countryCode);
  }
}

@Resolver(() => RegionalFramework)
export class FrameworkProgressFields {
  @FieldResolver(() => [PillarProgress], { description: 'Progress per pillar of the catalogue: every member on every indicator of the pillar, and the summary.' })
  async pillarProgress(
    @Root() framework: RegionalFramework,
    @Ctx() context: RegionalContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<PillarProgress[]> {
    const indicators = await context.loaders.catalogueByFramework.load(framework.code);
    const pillars = Object.values(Pillar).filter((pillar) => indicators.some((indicator) => indicator.pillar === pillar));
    return pillars.map((pillar) => ({ frameworkCode: framework.code, pillar, year: year ?? thisYear() }));
  }

  @FieldResolver(() => FrameworkCoverage, { description: 'Which members have a current NAP, a costed budget, an M&E framework and a report on the last cycle.' })
  coverage(@Root() framework: RegionalFramework): FrameworkCoverage {
    return { frameworkCode: framework.code };
  }

  @FieldResolver(() => [MemberAlignments], { description: "Each connected member's alignments to this framework, with those that match no catalogue entry." })
  async alignmentReports(@Root() framework: RegionalFramework, @Ctx() context: RegionalContext): Promise<MemberAlignments[]> {
    const members = new Set((await listMembers(context.registry)).map((member) => member.countryCode));
    const countries = (await rowCountries(context, framework.code)).filter((code) => members.has(code));
    return countries.map((countryCode) => ({ countryCode, frameworkCode: framework.code }));
  }
}

@Resolver(() => PillarProgress)
export class PillarProgressResolver {
  @FieldResolver(() => [FrameworkIndicator])
  indicators(@Root() progress: PillarProgress, @Ctx() context: RegionalContext): Promise<FrameworkIndicator[]> {
    return catalogueOf(context.loaders.catalogueByFramework, progress.frameworkCode, progress.pillar);
  }

  @FieldResolver(() => [CountryIndicatorProgress], { description: 'One row per member and indicator of the pillar.' })
  async rows(@Root() progress: PillarProgress, @Ctx() context: RegionalContext): Promise<CountryIndicatorProgress[]> {
    const [indicators, countries] = await Promise.all([this.indicators(progress, context), rowCountries(context, progress.frameworkCode)]);
    return indicators.flatMap((indicator) =>
      countries.map((countryCode) => ({ countryCode, frameworkCode: progress.frameworkCode, indicatorCode: indicator.code, year: progress.year })),
    );
  }

  @Directive('@requires(fields: "rows { status isDemo }")')
  @FieldResolver(() => ProgressSummary)
  async summary(@Root() progress: PillarProgress & { rows?: (CountryIndicatorProgress | null)[] }, @Ctx() context: RegionalContext): Promise<ProgressSummary> {
    const [indicators, countries] = await Promise.all([this.indicators(progress, context), rowCountries(context, progress.frameworkCode)]);
    const notConnected = (await notConnectedOf(countries, context)) * indicators.length;
    return summariseProgress(progress.rows ?? [], notConnected);
  }
}

@Resolver(() => FrameworkCoverage)
export class FrameworkCoverageResolver {
  @FieldResolver(() => [MemberCoverage], { description: 'One row per member state.' })
  async members(@Root() coverage: FrameworkCoverage, @Ctx() context: RegionalContext): Promise<MemberCoverage[]> {
    return (await rowCountries(context, coverage.frameworkCode)).map((countryCode) => ({ countryCode }));
  }

  @Directive('@requires(fields: "members { hasCurrentPlan costed hasMonitoringFramework reportedLastCycle isDemo }")')
  @FieldResolver(() => CoverageSummary)
  async summary(@Root() coverage: FrameworkCoverage & { members?: (MemberCoverage | null)[] }, @Ctx() context: RegionalContext): Promise<CoverageSummary> {
    return summariseCoverage(coverage.members ?? [], await notConnectedOf(await rowCountries(context, coverage.frameworkCode), context));
  }
}

@Resolver(() => MemberCoverage)
export class MemberCoverageResolver {
  @FieldResolver(() => Country)
  country(@Root() row: MemberCoverage): Country {
    return { code: row.countryCode };
  }

  @FieldResolver(() => MemberStatus)
  memberStatus(@Root() row: MemberCoverage, @Ctx() context: RegionalContext): Promise<MemberStatus> {
    return context.loaders.memberStatusByCountry.load(row.countryCode);
  }
}

@Resolver(() => MemberAlignments)
export class MemberAlignmentsResolver {
  @FieldResolver(() => Country)
  country(@Root() row: MemberAlignments): Country {
    return { code: row.countryCode };
  }

  @Directive('@requires(fields: "alignedCodes")')
  @FieldResolver(() => [String], {
    nullable: true,
    description: "Codes the member aligns to that this framework's catalogue does not have: reporting the region cannot count. Null when the member did not answer.",
  })
  async unmatchedCodes(@Root() row: MemberAlignments, @Ctx() context: RegionalContext): Promise<string[] | null> {
    if (!row.alignedCodes) return null;
    const catalogue = new Set((await context.loaders.catalogueByFramework.load(row.frameworkCode)).map((indicator) => indicator.code));
    return row.alignedCodes.filter((code) => !catalogue.has(code));
  }
}
