import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ReportKind } from '../common/enums.js';
import type { NapContext } from '../context.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { ProgressReport, Recommendation } from './report.type.js';

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @FieldResolver(() => [Recommendation], { description: 'Recommendations with the decisions taken on them.' })
  recommendations(@Root() report: ProgressReport, @Ctx() context: NapContext): Promise<Recommendation[]> {
    return context.loaders.recommendationsByReportId.load(report.id);
  }

  @FieldResolver(() => NationalActionPlan)
  async plan(@Root() report: ProgressReport, @Ctx() context: NapContext): Promise<NationalActionPlan> {
    return (await context.loaders.planById.load(report.planId))!;
  }
}

/** A plan's progress reports. */
@Resolver(() => NationalActionPlan)
export class PlanReportsResolver {
  @FieldResolver(() => [ProgressReport], { description: 'Published reports, oldest first.' })
  async reports(
    @Root() plan: NationalActionPlan,
    @Ctx() context: NapContext,
    @Arg('kind', () => ReportKind, { nullable: true }) kind?: ReportKind | null,
  ): Promise<ProgressReport[]> {
    const reports = await context.loaders.reportsByPlanId.load(plan.id);
    return kind ? reports.filter((report) => report.kind === kind) : reports;
  }
}
