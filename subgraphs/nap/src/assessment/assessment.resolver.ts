import { yearOfIsoDate } from '@wps/kit';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { periodContainsYear } from '../plan/plan-period.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { MonitoringFramework, PlanAssessment } from './assessment.type.js';
import { assessPlan, monitoringFrameworkOf } from './assessment.service.js';

/** Generated fields no criterion reads (a demo title, a status from the period). */
const PRESENTATION_FIELDS = new Set(['title', 'status']);

/** What a plan is worth: its monitoring framework, the high-impact criteria it meets, whether it is in force. */
@Resolver(() => NationalActionPlan)
export class PlanAssessmentResolver {
  @FieldResolver(() => MonitoringFramework)
  async monitoringFramework(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<MonitoringFramework> {
    const indicators = await context.loaders.indicatorsByPlanId.load(plan.id);
    return { ...monitoringFrameworkOf(indicators), isDemo: indicators.some((indicator) => indicator.isDemo) };
  }

  @FieldResolver(() => PlanAssessment, { description: "The plan against Inclusive Security's high-impact criteria, with the evidence for each." })
  async assessment(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<PlanAssessment> {
    const [indicators, partners, budgetLines, reports] = await Promise.all([
      context.loaders.indicatorsByPlanId.load(plan.id),
      context.loaders.partnersByPlanId.load(plan.id),
      context.loaders.budgetLinesByPlanId.load(plan.id),
      context.loaders.reportsByPlanId.load(plan.id),
    ]);
    const recommendations = (await Promise.all(reports.map((report) => context.loaders.recommendationsByReportId.load(report.id)))).flat();
    const demoInputs = [
      ...(plan.demoFields.some((field) => !PRESENTATION_FIELDS.has(field)) ? ['planFacts'] : []),
      ...Object.entries({ indicators, partners, budgetLines, reports })
        .filter(([, rows]) => rows.some((row) => row.isDemo))
        .map(([input]) => input),
    ];
    return { ...assessPlan({ plan, indicators, partners, budgetLines, reports, recommendations, today: new Date() }), isDemo: demoInputs.length > 0, demoInputs };
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
