import { shareOf } from '@wps/kit';
import { Arg, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { Activity } from '../logframe/logframe.type.js';
import { ImplementingPartner } from '../partner/partner.type.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { summariseBudget } from './budget-summary.js';
import { disbursementsOf } from './budget.loaders.js';
import { BudgetLine, PlanBudget } from './budget.type.js';
import { summariseFinancing } from './financing-summary.js';
import { Disbursement, PlanFinancing } from './financing.type.js';

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

  @FieldResolver(() => Float, { nullable: true, description: 'costedEstimate − allocated (negative when more was allocated than estimated); null without an estimate.' })
  fundingGap(@Root() line: BudgetLine): number | null {
    return line.costedEstimate === null ? null : Math.round((line.costedEstimate - line.allocated) * 100) / 100;
  }

  @FieldResolver(() => [Disbursement], { description: "The payments out of the line, by date; they add up to at most the line's disbursed total (the rest was recorded without a recipient)." })
  disbursements(@Root() line: BudgetLine, @Ctx() context: NapContext): Promise<Disbursement[]> {
    return context.loaders.disbursementsByBudgetLineId.load(line.id);
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

  @FieldResolver(() => PlanFinancing, {
    description: 'The costed estimate against allocations (the funding gap), the gender equality markers, and the share of disbursements reaching civil society and grassroots organisations.',
  })
  async financing(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<PlanFinancing> {
    const lines = await context.loaders.budgetLinesByPlanId.load(plan.id);
    return summariseFinancing(plan, lines, await disbursementsOf(context.loaders, lines));
  }
}
