import { isUuid } from '@wps/kit';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { Indicator } from '../indicator/indicator.type.js';
import { assertServes } from '../member/member-guard.js';
import { periodContainsYear, yearOfIsoDate } from './in-force.js';
import { NationalActionPlan } from './plan.type.js';

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
  async indicators(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<Indicator[]> {
    return context.loaders.indicatorsByPlanId.load(plan.id);
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
