import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { ImplementingPartner } from './partner.type.js';

/** A plan's implementing partners. */
@Resolver(() => NationalActionPlan)
export class PlanPartnersResolver {
  @FieldResolver(() => [ImplementingPartner])
  partners(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<ImplementingPartner[]> {
    return context.loaders.partnersByPlanId.load(plan.id);
  }
}
