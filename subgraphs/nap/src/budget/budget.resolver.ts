import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { Activity } from '../logframe/logframe.type.js';
import { ImplementingPartner } from '../partner/partner.type.js';
import { BudgetLine } from './budget.type.js';

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
    return line.allocated > 0 ? Math.round((line.disbursed / line.allocated) * 10_000) / 10_000 : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'spent / allocated; null when nothing is allocated.' })
  executionRate(@Root() line: BudgetLine): number | null {
    return line.allocated > 0 ? Math.round((line.spent / line.allocated) * 10_000) / 10_000 : null;
  }
}
