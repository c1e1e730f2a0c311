import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { ImplementingPartner } from '../partner/partner.type.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { Recommendation } from '../report/report.type.js';
import { countFollowUps, type FollowUpCounts } from './follow-up-counts.js';
import { followUpActionsOfPlans } from './follow-up.loaders.js';
import { FollowUpAction, MemberFollowUps } from './follow-up.type.js';

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
    const actions = await followUpActionsOfPlans(context.loaders, [plan.id]);
    return actions.filter((action) => !overdueOnly || action.overdue);
  }
}

/**
 * This member's answer to a framework's follow-up view: its actions on the
 * recommendations of every plan's reports the caller may see (published ones
 * for the public), counted from its own rows. Every plan, not only the
 * current one: a final evaluation of the last plan is followed up under the
 * next.
 */
@Resolver(() => MemberFollowUps)
export class MemberFollowUpsResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'Actions past their due date (UTC) and neither DONE nor DROPPED.' })
  async overdue(@Root() row: MemberFollowUps, @Ctx() context: NapContext): Promise<number> {
    return (await this.countsOf(row, context)).overdue;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Actions neither DONE nor DROPPED (the overdue ones included).' })
  async open(@Root() row: MemberFollowUps, @Ctx() context: NapContext): Promise<number> {
    return (await this.countsOf(row, context)).open;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Actions DONE.' })
  async done(@Root() row: MemberFollowUps, @Ctx() context: NapContext): Promise<number> {
    return (await this.countsOf(row, context)).done;
  }

  @FieldResolver(() => String, { nullable: true, description: 'ISO date the longest-overdue action was due; null when none is overdue.' })
  async oldestOverdueDue(@Root() row: MemberFollowUps, @Ctx() context: NapContext): Promise<string | null> {
    return (await this.countsOf(row, context)).oldestOverdueDue;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether any action counted here was generated for the demo network.' })
  async isDemo(@Root() row: MemberFollowUps, @Ctx() context: NapContext): Promise<boolean> {
    return (await this.countsOf(row, context)).isDemo;
  }

  /** The loaders cache the rows, so each field counts from the same batch. */
  private async countsOf(_row: MemberFollowUps, context: NapContext): Promise<FollowUpCounts> {
    const plans = await context.loaders.plansByCountry.load(context.countryCode);
    return countFollowUps(await followUpActionsOfPlans(context.loaders, plans.map((plan) => plan.id)));
  }
}
