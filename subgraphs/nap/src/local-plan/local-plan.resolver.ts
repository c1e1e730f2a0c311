import { isUuid } from '@wps/kit';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { NapContext } from '../context.js';
import { Indicator } from '../indicator/indicator.type.js';
import { assertServes } from '../member/member-guard.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { LocalActionPlan, LocalIndicator, LocalMeasurement, LocalPlanLevel, LocalRollUp } from './local-plan.type.js';

@Resolver(() => NationalActionPlan)
export class PlanLocalPlansResolver {
  @FieldResolver(() => [LocalActionPlan], {
    description: 'The local (province, district, municipality) plans that localise this plan and the caller may see (published ones for the public), by level and area; `level` keeps one level.',
  })
  async localPlans(
    @Root() plan: NationalActionPlan,
    @Arg('level', () => LocalPlanLevel, { nullable: true }) level: LocalPlanLevel | null | undefined,
    @Ctx() context: NapContext,
  ): Promise<LocalActionPlan[]> {
    const plans = await context.loaders.localPlansByPlanId.load(plan.id);
    return level ? plans.filter((local) => local.level === level) : plans;
  }
}

@Resolver(() => LocalActionPlan)
export class LocalActionPlanResolver {
  @Query(() => LocalActionPlan, { nullable: true, description: 'One local action plan of a member state, by id; null when it has none the caller may see.' })
  async localActionPlan(
    @Arg('countryCode', () => String) countryCode: string,
    @Arg('id', () => ID) id: string,
    @Ctx() context: NapContext,
  ): Promise<LocalActionPlan | null> {
    assertServes(context.countryCode, countryCode);
    return isUuid(id) ? context.loaders.localPlanById.load(id) : null;
  }

  @FieldResolver(() => NationalActionPlan, { description: 'The national plan it localises.' })
  async nationalPlan(@Root() local: LocalActionPlan, @Ctx() context: NapContext): Promise<NationalActionPlan> {
    return (await context.loaders.planById.load(local.planId))!;
  }

  @FieldResolver(() => [LocalIndicator], { description: 'Its own indicators, in the order the plan lists them.' })
  indicators(@Root() local: LocalActionPlan, @Ctx() context: NapContext): Promise<LocalIndicator[]> {
    return context.loaders.localIndicatorsByLocalPlanId.load(local.id);
  }
}

@Resolver(() => LocalIndicator)
export class LocalIndicatorResolver {
  @FieldResolver(() => Indicator, { nullable: true, description: 'The national indicator it rolls up to, if any.' })
  nationalIndicator(@Root() indicator: LocalIndicator, @Ctx() context: NapContext): Promise<Indicator | null> | null {
    return indicator.nationalIndicatorId === null ? null : context.loaders.indicatorById.load(indicator.nationalIndicatorId);
  }

  @FieldResolver(() => [LocalMeasurement], { description: 'Its values, oldest period first.' })
  measurements(@Root() indicator: LocalIndicator, @Ctx() context: NapContext): Promise<LocalMeasurement[]> {
    return context.loaders.localMeasurementsByLocalIndicatorId.load(indicator.id);
  }
}

@Resolver(() => Indicator)
export class IndicatorLocalRollUpResolver {
  @FieldResolver(() => LocalRollUp, {
    nullable: true,
    description: 'The values of the local plans (that the caller may see) whose indicators roll up to this one: SUM for counts, MEAN for percentages; null when no local indicator links to it.',
  })
  localRollUp(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<LocalRollUp | null> {
    return context.loaders.localRollUpByIndicatorId.load(indicator.id);
  }
}
