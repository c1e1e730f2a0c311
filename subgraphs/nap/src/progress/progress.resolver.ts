import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { monitoringFrameworkOf } from '../assessment/assessment.service.js';
import { IndicatorStatus, PublicationStatus, ReportKind } from '../common/enums.js';
import { prefetch } from '../common/loader-source.js';
import type { NapContext } from '../context.js';
import { alignmentsOf } from '../indicator/indicator.loaders.js';
import { periodContainsYear } from '../plan/plan-period.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { alignedIndicators, indicatorProgressAsOf, planAsOf, worstStatus } from './progress.service.js';
import { AlignedIndicatorProgress, CountryIndicatorProgress, MemberAlignments, MemberCoverage } from './progress.type.js';

@Resolver(() => CountryIndicatorProgress)
export class CountryIndicatorProgressResolver {
  @FieldResolver(() => NationalActionPlan, { nullable: true, description: 'The plan current in that year (latest started by then).' })
  async plan(@Root() row: CountryIndicatorProgress, @Ctx() context: NapContext): Promise<NationalActionPlan | null> {
    return planAsOf(await context.loaders.plansByCountry.load(context.countryCode), row.year);
  }

  @FieldResolver(() => [AlignedIndicatorProgress], { nullable: true, description: 'The national indicators aligned to the framework indicator.' })
  async indicators(@Root() row: CountryIndicatorProgress, @Ctx() context: NapContext): Promise<AlignedIndicatorProgress[]> {
    const plan = await this.plan(row, context);
    if (!plan) return [];
    // Every aligned indicator's progress reads the plan's measurements: start them beside the indicators.
    prefetch(context.loaders.measurementsByPlanId, plan.id);
    const indicators = await alignedIndicators(context.loaders, plan, row.frameworkCode, row.indicatorCode);
    return Promise.all(indicators.map((indicator) => indicatorProgressAsOf(context.loaders.measurementsByPlanId, indicator, plan, row.year)));
  }

  @FieldResolver(() => IndicatorStatus, {
    nullable: true,
    description: 'The worst status of the aligned indicators (OFF_TRACK < ON_TRACK < ACHIEVED); NO_DATA when none has a published value.',
  })
  async status(@Root() row: CountryIndicatorProgress, @Ctx() context: NapContext): Promise<IndicatorStatus> {
    return worstStatus((await this.indicators(row, context)).map((indicator) => indicator.status));
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'True when any aligned indicator (and so the status) is a demo value.' })
  async isDemo(@Root() row: CountryIndicatorProgress, @Ctx() context: NapContext): Promise<boolean> {
    return (await this.indicators(row, context)).some((aligned) => aligned.indicator.isDemo);
  }
}

@Resolver(() => MemberCoverage)
export class MemberCoverageResolver {
  @FieldResolver(() => NationalActionPlan, { nullable: true, description: 'The current plan (highest iteration).' })
  async plan(@Root() _row: MemberCoverage, @Ctx() context: NapContext): Promise<NationalActionPlan | null> {
    return (await context.loaders.plansByCountry.load(context.countryCode)).at(-1) ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the current plan is in force today.' })
  async hasCurrentPlan(@Root() row: MemberCoverage, @Ctx() context: NapContext): Promise<boolean> {
    const plan = await this.plan(row, context);
    return plan !== null && periodContainsYear(plan.period, new Date().getUTCFullYear()) === true;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: "Whether the current plan's budget is costed." })
  async costed(@Root() row: MemberCoverage, @Ctx() context: NapContext): Promise<boolean> {
    return (await this.plan(row, context))?.costed === true;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether the current plan has an M&E framework.' })
  async hasMonitoringFramework(@Root() row: MemberCoverage, @Ctx() context: NapContext): Promise<boolean> {
    const plan = await this.plan(row, context);
    return plan !== null && monitoringFrameworkOf(await context.loaders.indicatorsByPlanId.load(plan.id)).exists;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether a published report covers the last completed year.' })
  async reportedLastCycle(@Root() row: MemberCoverage, @Ctx() context: NapContext): Promise<boolean> {
    const plan = await this.plan(row, context);
    if (!plan) return false;
    const lastYear = new Date().getUTCFullYear() - 1;
    const reports = await context.loaders.reportsByPlanId.load(plan.id);
    return reports.some(
      (report) =>
        report.status === PublicationStatus.PUBLISHED &&
        (report.kind === ReportKind.ANNUAL || report.kind === ReportKind.PARLIAMENTARY) &&
        report.period.start !== null &&
        report.period.start <= lastYear &&
        lastYear <= (report.period.end ?? lastYear),
    );
  }

  @FieldResolver(() => Boolean, { nullable: true, description: "True when any of these answers rests on demo values (the plan's generated facts, indicators or reports)." })
  async isDemo(@Root() row: MemberCoverage, @Ctx() context: NapContext): Promise<boolean> {
    const plan = await this.plan(row, context);
    if (!plan) return false;
    const [indicators, reports] = await Promise.all([context.loaders.indicatorsByPlanId.load(plan.id), context.loaders.reportsByPlanId.load(plan.id)]);
    return plan.demoFields.includes('costed') || indicators.some((indicator) => indicator.isDemo) || reports.some((report) => report.isDemo);
  }
}

@Resolver(() => MemberAlignments)
export class MemberAlignmentsResolver {
  @FieldResolver(() => [String], { nullable: true, description: "The framework's indicator codes the current plan's indicators align to." })
  async alignedCodes(@Root() row: MemberAlignments, @Ctx() context: NapContext): Promise<string[]> {
    const plan = (await context.loaders.plansByCountry.load(context.countryCode)).at(-1);
    if (!plan) return [];
    const indicators = await context.loaders.indicatorsByPlanId.load(plan.id);
    const alignments = (await Promise.all(indicators.map((indicator) => alignmentsOf(context.loaders.alignmentsByPlanId, indicator)))).flat();
    return [...new Set(alignments.filter((alignment) => alignment.frameworkCode === row.frameworkCode).map((alignment) => alignment.indicatorCode))].sort();
  }
}
