import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { ImplementingPartner } from '../partner/partner.type.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { Activity, Outcome, Output } from './logframe.type.js';

@Resolver(() => Outcome)
export class OutcomeResolver {
  @FieldResolver(() => [Output])
  outputs(@Root() outcome: Outcome, @Ctx() context: NapContext): Promise<Output[]> {
    return context.loaders.outputsByOutcomeId.load(outcome.id);
  }

  @FieldResolver(() => NationalActionPlan)
  async plan(@Root() outcome: Outcome, @Ctx() context: NapContext): Promise<NationalActionPlan> {
    return (await context.loaders.planById.load(outcome.planId))!;
  }
}

@Resolver(() => Output)
export class OutputResolver {
  @FieldResolver(() => [Activity])
  activities(@Root() output: Output, @Ctx() context: NapContext): Promise<Activity[]> {
    return context.loaders.activitiesByOutputId.load(output.id);
  }

  @FieldResolver(() => Outcome)
  async outcome(@Root() output: Output, @Ctx() context: NapContext): Promise<Outcome> {
    return (await context.loaders.outcomeById.load(output.outcomeId))!;
  }
}

@Resolver(() => Activity)
export class ActivityResolver {
  @FieldResolver(() => ImplementingPartner, { nullable: true })
  async responsiblePartner(@Root() activity: Activity, @Ctx() context: NapContext): Promise<ImplementingPartner | null> {
    return activity.responsiblePartnerId ? context.loaders.partnerById.load(activity.responsiblePartnerId) : null;
  }

  @FieldResolver(() => Output)
  async output(@Root() activity: Activity, @Ctx() context: NapContext): Promise<Output> {
    return (await context.loaders.outputById.load(activity.outputId))!;
  }
}

/** A plan's logframe. */
@Resolver(() => NationalActionPlan)
export class PlanOutcomesResolver {
  @FieldResolver(() => [Outcome], { description: 'The logframe: outcomes by pillar, each with its outputs and their activities.' })
  outcomes(@Root() plan: NationalActionPlan, @Ctx() context: NapContext): Promise<Outcome[]> {
    return context.loaders.outcomesByPlanId.load(plan.id);
  }
}
