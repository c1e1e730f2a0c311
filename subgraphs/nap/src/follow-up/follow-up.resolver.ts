import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { ImplementingPartner } from '../partner/partner.type.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { Recommendation } from '../report/report.type.js';
import { FollowUpAction } from './follow-up.type.js';

@Resolver(() => Recommendation)
export class RecommendationFollowUpResolver {
  @FieldResolver(() => [FollowUpAction], { description: 'The actions that carry out the decision, soonest due first.' })
  followUpActions(@Root() recommendation: Recommendation, @Ctx() context: NapContext): Promise<FollowUpAction[]> {
    return context.loaders.followUpActionsByRecommendationId.load(recommendation.id);
  }
}

@Resolver(() => FollowUpAction)
export class FollowUpActionResolver {
  @FieldResolver(() => ImplementingPartner, { nullable: true, description: 'Who is responsible: an implementing partner of the plan.' })
  responsiblePartner(@Root() action: FollowUpAction, @Ctx() context: NapContext): Promise<ImplementingPartner | null> {
    return context.loaders.partnerById.load(action.responsiblePartnerId);
  }
}

@Resolver(() => NationalActionPlan)
export class PlanFollowUpResolver {
  @FieldResolver(() => [FollowUpAction], {
    description: "The follow-up actions of every recommendation of the plan's reports the caller may see (published ones for the public), soonest due first; `overdueOnly` keeps those past their due date and still open.",
  })
  async followUpActions(
    @Root() plan: NationalActionPlan,
    @Arg('overdueOnly', () => Boolean, { defaultValue: false }) overdueOnly: boolean,
    @Ctx() context: NapContext,
  ): Promise<FollowUpAction[]> {
    const reports = await context.loaders.reportsByPlanId.load(plan.id);
    const recommendations = (await Promise.all(reports.map((report) => context.loaders.recommendationsByReportId.load(report.id)))).flat();
    const actions = (await Promise.all(recommendations.map((recommendation) => context.loaders.followUpActionsByRecommendationId.load(recommendation.id)))).flat();
    return actions.filter((action) => !overdueOnly || action.overdue).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
  }
}
