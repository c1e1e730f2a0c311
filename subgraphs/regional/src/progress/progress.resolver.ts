import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { FrameworkIndicator } from '../catalogue/framework-indicator.type.js';
import type { RegionalContext } from '../context.js';
import { Country } from '../country/country.type.js';
import { IndicatorStatus, MemberStatus, Pillar } from '../enums.js';
import { RegionalFramework } from '../framework/framework.type.js';
import { CoverageSummary, FrameworkCoverage, MemberAlignments, MemberCoverage } from './coverage.type.js';
import { summarise } from './progress-summary.js';
import { CountryIndicatorProgress, FrameworkIndicatorProgress, PillarProgress, ProgressSummary } from './progress.type.js';

const thisYear = () => new Date().getUTCFullYear();

/** The states whose rows a framework shows: its members, or for the UN global indicators every connected member. */
async function rowCountries(frameworkCode: string, context: RegionalContext): Promise<string[]> {
  if (frameworkCode === 'UN_1325') return (await context.registry.list()).map((member) => member.countryCode).sort();
  return context.countries.listCodes({ framework: frameworkCode });
}

async function memberStatusOf(countryCode: string, context: RegionalContext): Promise<MemberStatus> {
  const member = await context.loaders.memberByCountry.load(countryCode);
  return member ? (member.status as MemberStatus) : MemberStatus.NOT_CONNECTED;
}

/**
 * Summarise the statuses a `@requires(fields: "rows { status }")`
 * representation carries. It carries only the statuses, in the order of the
 * rows, and a row is null where the member gave none (not connected, or its
 * subgraph failed); `countries` are the rows' countries in the same order.
 */
async function summariseRows(rows: ({ status?: IndicatorStatus | null } | null)[] | undefined, countries: string[], context: RegionalContext): Promise<ProgressSummary> {
  const given = rows ?? [];
  if (given.length !== countries.length) throw new Error(`summary got ${given.length} rows for ${countries.length} countries`);
  const statuses = await Promise.all(countries.map((code) => memberStatusOf(code, context)));
  return summarise(given.map((row, index) => ({ status: row?.status ?? null, memberStatus: statuses[index]! })));
}

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
    const countries = await rowCountries(progress.frameworkCode, context);
    return countries.map((countryCode) => ({ countryCode, frameworkCode: progress.frameworkCode, indicatorCode: progress.code, year: progress.year }));
  }

  @Directive('@requires(fields: "rows { status }")')
  @FieldResolver(() => ProgressSummary, { description: "Counts over the rows, from the statuses the members' subgraphs returned." })
  async summary(@Root() progress: FrameworkIndicatorProgress & { rows?: (CountryIndicatorProgress | null)[] }, @Ctx() context: RegionalContext): Promise<ProgressSummary> {
    return summariseRows(progress.rows, await rowCountries(progress.frameworkCode, context), context);
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
    return memberStatusOf(row.countryCode, context);
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
    const members = new Set((await context.registry.list()).map((member) => member.countryCode));
    const countries = (await rowCountries(framework.code, context)).filter((code) => members.has(code));
    return countries.map((countryCode) => ({ countryCode, frameworkCode: framework.code }));
  }
}

@Resolver(() => PillarProgress)
export class PillarProgressResolver {
  @FieldResolver(() => [FrameworkIndicator])
  async indicators(@Root() progress: PillarProgress, @Ctx() context: RegionalContext): Promise<FrameworkIndicator[]> {
    return (await context.loaders.catalogueByFramework.load(progress.frameworkCode)).filter((indicator) => indicator.pillar === progress.pillar);
  }

  @FieldResolver(() => [CountryIndicatorProgress], { description: 'One row per member and indicator of the pillar.' })
  async rows(@Root() progress: PillarProgress, @Ctx() context: RegionalContext): Promise<CountryIndicatorProgress[]> {
    const [indicators, countries] = await Promise.all([this.indicators(progress, context), rowCountries(progress.frameworkCode, context)]);
    return indicators.flatMap((indicator) =>
      countries.map((countryCode) => ({ countryCode, frameworkCode: progress.frameworkCode, indicatorCode: indicator.code, year: progress.year })),
    );
  }

  @Directive('@requires(fields: "rows { status }")')
  @FieldResolver(() => ProgressSummary)
  async summary(@Root() progress: PillarProgress & { rows?: (CountryIndicatorProgress | null)[] }, @Ctx() context: RegionalContext): Promise<ProgressSummary> {
    const rows = await this.rows(progress, context);
    return summariseRows(progress.rows, rows.map((row) => row.countryCode), context);
  }
}

@Resolver(() => FrameworkCoverage)
export class FrameworkCoverageResolver {
  @FieldResolver(() => [MemberCoverage], { description: 'One row per member state.' })
  async members(@Root() coverage: FrameworkCoverage, @Ctx() context: RegionalContext): Promise<MemberCoverage[]> {
    return (await rowCountries(coverage.frameworkCode, context)).map((countryCode) => ({ countryCode }));
  }

  @Directive('@requires(fields: "members { hasCurrentPlan costed hasMonitoringFramework reportedLastCycle }")')
  @FieldResolver(() => CoverageSummary)
  async summary(@Root() coverage: FrameworkCoverage & { members?: (MemberCoverage | null)[] }, @Ctx() context: RegionalContext): Promise<CoverageSummary> {
    // As for progress: the representation carries the members' answers in row order, null where a member gave none.
    const members = coverage.members ?? [];
    const countries = await rowCountries(coverage.frameworkCode, context);
    const statuses = await Promise.all(countries.map((code) => memberStatusOf(code, context)));
    const count = (field: keyof MemberCoverage) => members.filter((member) => member?.[field] === true).length;
    const share = (value: number) => (members.length > 0 ? Math.round((value / members.length) * 10_000) / 10_000 : null);
    const withCurrentPlan = count('hasCurrentPlan');
    const costed = count('costed');
    const withMonitoringFramework = count('hasMonitoringFramework');
    const reportedLastCycle = count('reportedLastCycle');
    return {
      members: members.length,
      connected: statuses.filter((status) => status !== MemberStatus.NOT_CONNECTED).length,
      withCurrentPlan,
      costed,
      withMonitoringFramework,
      reportedLastCycle,
      currentPlanShare: share(withCurrentPlan),
      costedShare: share(costed),
      monitoringFrameworkShare: share(withMonitoringFramework),
      reportedLastCycleShare: share(reportedLastCycle),
    };
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
    return memberStatusOf(row.countryCode, context);
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
