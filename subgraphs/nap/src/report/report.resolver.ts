import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
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
