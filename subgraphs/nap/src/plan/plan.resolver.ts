import { isUuid } from '@wps/kit';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { summariseBudget } from '../budget/budget-summary.js';
import { BudgetLine, PlanBudget } from '../budget/budget.type.js';
import { IndicatorLevel, ReportKind } from '../common/enums.js';
import type { NapContext } from '../context.js';
import { Indicator } from '../indicator/indicator.type.js';
import { Outcome } from '../logframe/logframe.type.js';
import { assertServes } from '../member/member-guard.js';
import { ImplementingPartner } from '../partner/partner.type.js';
import { ProgressReport } from '../report/report.type.js';
import { MonitoringFramework, PlanAssessment } from './assessment.type.js';
import { periodContainsYear, yearOfIsoDate } from './in-force.js';
import { assessPlan, monitoringFrameworkOf } from './plan-assessment.js';
import { NationalActionPlan, PlanDocument } from './plan.type.js';

@Resolver(() => NationalActionPlan)
export class PlanResolver {
  @Query(() => [NationalActionPlan], {
    nullable: true,
    description: "A member state's plans, first to latest. Routed by the hub to that member's subgraph.",
  })
  async actionPlans(@Arg('countryCode', () => String) countryCode: string, @Ctx() context: NapContext): Promise<NationalActionPlan[]> {
    assertServes(context.countryCode, countryCode);
    return context.loaders.plansByCountry.load(countryCode);
  }

  @Query(() => NationalActionPlan, { nullable: true, description: 'One plan of a member state, by id; null when it has no such plan.' })
  async actionPlan(
    @Arg('countryCode', () => String) countryCode: string,
    @Arg('id', () => ID) id: string,
    @Ctx() context: NapContext,
  ): Promise<NationalActionPlan | null> {
    assertServes(context.countryCode, countryCode);
    return isUuid(id) ? context.loaders.planById.load(id) : null;
  }

  @FieldResolver(() => [Indicator], { description: 'National indicators of the plan, in the order the member state lists them.' })
  async indicators(
    @Root() plan: NationalActionPlan,
    @Ctx() context: NapContext,
    @Arg('level', () => IndicatorLevel, { nullable: true, description: 'Only outcome-level or only output-level indicators.' }) level?: IndicatorLevel | null,
  ): Promise<Indicator[]> {
    const indicators = await context.loaders.indicatorsByPlanId.load(plan.id);
    return level ? indicators.filter((indicator) => indicator.level === level) : indicators;
  }

  @FieldResolver(() => [PlanDocument])
  documents(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<PlanDocument[]> {
    return context.loaders.documentsByPlanId.load(plan.id);
  }

  @FieldResolver(() => [Outcome], { description: 'The logframe: outcomes by pillar, each with its outputs and their activities.' })
  outcomes(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<Outcome[]> {
    return context.loaders.outcomesByPlanId.load(plan.id);
  }

  @FieldResolver(() => [ImplementingPartner])
  partners(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<ImplementingPartner[]> {
    return context.loaders.partnersByPlanId.load(plan.id);
  }

  @FieldResolver(() => [BudgetLine], { description: 'Published budget lines (drafts stay with the member state), by fiscal year.' })
  async budgetLines(
    @Root() plan: NationalActionPlan,
    @Ctx() context: NapContext,
    @Arg('fiscalYear', () => Int, { nullable: true }) fiscalYear?: number | null,
  ): Promise<BudgetLine[]> {
    const lines = await context.loaders.budgetLinesByPlanId.load(plan.id);
    return fiscalYear ? lines.filter((line) => line.fiscalYear === fiscalYear) : lines;
  }

  @FieldResolver(() => PlanBudget, { description: 'Allocation, disbursement and spending: totals per currency, by partner and by fiscal year.' })
  async budget(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<PlanBudget> {
    const [lines, partners] = await Promise.all([context.loaders.budgetLinesByPlanId.load(plan.id), context.loaders.partnersByPlanId.load(plan.id)]);
    return summariseBudget(plan, lines, partners);
  }

  @FieldResolver(() => [ProgressReport], { description: 'Published reports, oldest first.' })
  async reports(
    @Root() plan: NationalActionPlan,
    @Ctx() context: NapContext,
    @Arg('kind', () => ReportKind, { nullable: true }) kind?: ReportKind | null,
  ): Promise<ProgressReport[]> {
    const reports = await context.loaders.reportsByPlanId.load(plan.id);
    return kind ? reports.filter((report) => report.kind === kind) : reports;
  }

  @FieldResolver(() => MonitoringFramework)
  async monitoringFramework(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<MonitoringFramework> {
    return monitoringFrameworkOf(await context.loaders.indicatorsByPlanId.load(plan.id));
  }

  @FieldResolver(() => PlanAssessment, { description: "The plan against Inclusive Security's high-impact criteria, with the evidence for each." })
  async assessment(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<PlanAssessment> {
    const [indicators, partners, budgetLines, reports] = await Promise.all([
      context.loaders.indicatorsByPlanId.load(plan.id),
      context.loaders.partnersByPlanId.load(plan.id),
      context.loaders.budgetLinesByPlanId.load(plan.id),
      context.loaders.reportsByPlanId.load(plan.id),
    ]);
    return assessPlan({ plan, indicators, partners, budgetLines, reports, today: new Date() });
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the plan period contains the given date (default today); null when the start of the period is not known.',
  })
  inForce(
    @Root() plan: NationalActionPlan,
    @Arg('on', () => String, { nullable: true, description: 'An ISO date, YYYY-MM-DD; default today.' }) on?: string | null,
  ): boolean | null {
    const year = on ? yearOfIsoDate(on, 'on') : new Date().getUTCFullYear();
    return periodContainsYear(plan.period, year);
  }
}
