import { isUuid } from '@wps/kit';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { assertServes } from '../member/member-guard.js';
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

  @FieldResolver(() => [PlanDocument])
  documents(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<PlanDocument[]> {
    return context.loaders.documentsByPlanId.load(plan.id);
  }
}
