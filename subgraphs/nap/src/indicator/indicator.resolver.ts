import { isUuid } from '@wps/kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { IndicatorLevel } from '../common/enums.js';
import { prefetch } from '../common/loader-source.js';
import { selectsAnyOf } from '../common/selection.js';
import type { NapContext } from '../context.js';
import { Outcome, Output } from '../logframe/logframe.type.js';
import { assertServes } from '../member/member-guard.js';
import { ImplementingPartner } from '../partner/partner.type.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { alignmentsOf } from './indicator.loaders.js';
import { Indicator, IndicatorAlignment } from './indicator.type.js';

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => Indicator, { nullable: true, description: 'One national indicator of a member state, by id.' })
  async indicator(
    @Arg('countryCode', () => String) countryCode: string,
    @Arg('id', () => ID) id: string,
    @Ctx() context: NapContext,
  ): Promise<Indicator | null> {
    assertServes(context.countryCode, countryCode);
    return isUuid(id) ? context.loaders.indicatorById.load(id) : null;
  }

  @FieldResolver(() => [IndicatorAlignment], { description: 'Framework indicators this indicator counts towards: report once, be counted in every framework.' })
  async alignments(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<IndicatorAlignment[]> {
    return alignmentsOf(context.loaders.alignmentsByPlanId, indicator);
  }

  @FieldResolver(() => ImplementingPartner, { nullable: true })
  async responsiblePartner(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<ImplementingPartner | null> {
    return indicator.responsiblePartnerId ? context.loaders.partnerById.load(indicator.responsiblePartnerId) : null;
  }

  @FieldResolver(() => Outcome, { nullable: true, description: 'The outcome an outcome-level indicator measures.' })
  async outcome(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<Outcome | null> {
    return indicator.outcomeId ? context.loaders.outcomeById.load(indicator.outcomeId) : null;
  }

  @FieldResolver(() => Output, { nullable: true, description: 'The output an output-level indicator measures.' })
  async output(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<Output | null> {
    return indicator.outputId ? context.loaders.outputById.load(indicator.outputId) : null;
  }

  @FieldResolver(() => NationalActionPlan)
  async plan(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<NationalActionPlan> {
    return (await context.loaders.planById.load(indicator.planId))!;
  }
}

/** The Indicator fields whose resolvers read the measurements of the indicator's plan (measurement.resolver.ts). */
const FIELDS_READING_MEASUREMENTS: ReadonlySet<string> = new Set(['measurements', 'latestMeasurement', 'status', 'progress']);

/** A plan's national indicators. */
@Resolver(() => NationalActionPlan)
export class PlanIndicatorsResolver {
  @FieldResolver(() => [Indicator], { description: 'National indicators of the plan, in the order the member state lists them.' })
  async indicators(
    @Root() plan: NationalActionPlan,
    @Ctx() context: NapContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('level', () => IndicatorLevel, { nullable: true, description: 'Only outcome-level or only output-level indicators.' }) level?: IndicatorLevel | null,
  ): Promise<Indicator[]> {
    // The plan's values are keyed by plan: where the indicators' fields will read them, they go to Postgres beside the indicators.
    if (selectsAnyOf(info, FIELDS_READING_MEASUREMENTS)) prefetch(context.loaders.measurementsByPlanId, plan.id);
    const indicators = await context.loaders.indicatorsByPlanId.load(plan.id);
    return level ? indicators.filter((indicator) => indicator.level === level) : indicators;
  }
}

/** The indicators that measure an outcome. */
@Resolver(() => Outcome)
export class OutcomeIndicatorsResolver {
  @FieldResolver(() => [Indicator], { description: 'Outcome-level indicators that measure it.' })
  indicators(@Root() outcome: Outcome, @Ctx() context: NapContext): Promise<Indicator[]> {
    return context.loaders.indicatorsByOutcomeId.load(outcome.id);
  }
}

/** The indicators that measure an output. */
@Resolver(() => Output)
export class OutputIndicatorsResolver {
  @FieldResolver(() => [Indicator], { description: 'Output-level indicators that measure it.' })
  indicators(@Root() output: Output, @Ctx() context: NapContext): Promise<Indicator[]> {
    return context.loaders.indicatorsByOutputId.load(output.id);
  }
}
