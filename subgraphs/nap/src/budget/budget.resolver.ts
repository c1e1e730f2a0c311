import { shareOf } from '@wps/kit';
import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { Activity } from '../logframe/logframe.type.js';
import { ImplementingPartner } from '../partner/partner.type.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { summariseBudget } from './budget-summary.js';
import { BudgetLine, PlanBudget } from './budget.type.js';

@Resolver(() => BudgetLine)
export class BudgetLineResolver {
  @FieldResolver(() => ImplementingPartner, { nullable: true })
  async partner(@Root() line: BudgetLine, @Ctx() context: NapContext): Promise<ImplementingPartner | null> {
    return line.partnerId ? context.loaders.partnerById.load(line.partnerId) : null;
  }

  @FieldResolver(() => Activity, { nullable: true })
  async activity(@Root() line: BudgetLine, @Ctx() context: NapContext): Promise<Activity | null> {
    return line.activityId ? context.loaders.activityById.load(line.activityId) : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'disbursed / allocated; null when nothing is allocated.' })
  disbursementRate(@Root() line: BudgetLine): number | null {
    return shareOf(line.disbursed, line.allocated);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'spent / allocated; null when nothing is allocated.' })
  executionRate(@Root() line: BudgetLine): number | null {
    return shareOf(line.spent, line.allocated);
  }
}

/** A plan's budget lines and what they add up to. */
@Resolver(() => NationalActionPlan)
export class PlanBudgetResolver {
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
}
