import { isUuid } from '@wps/kit';
import { Arg, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import { IndicatorStatus } from '../common/enums.js';
import type { NapContext } from '../context.js';
import { alignmentsOf, measurementsOf } from '../loaders.js';
import { Outcome, Output } from '../logframe/logframe.type.js';
import { currentVersions } from '../measurement/current-versions.js';
import { Measurement } from '../measurement/measurement.type.js';
import { assertServes } from '../member/member-guard.js';
import { ImplementingPartner } from '../partner/partner.type.js';
import { NationalActionPlan } from '../plan/plan.type.js';
import { computeIndicatorStatus, type StatusResult } from './indicator-status.js';
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

  @FieldResolver(() => [Measurement], {
    description: 'The current value of each period (its latest version), oldest period first. Drafts stay with the member state.',
  })
  async measurements(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<Measurement[]> {
    return currentVersions(await measurementsOf(context.loaders, indicator));
  }

  @FieldResolver(() => Measurement, { nullable: true, description: 'The current value of the most recent period; null without one.' })
  async latestMeasurement(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<Measurement | null> {
    return currentVersions(await measurementsOf(context.loaders, indicator)).at(-1) ?? null;
  }

  @FieldResolver(() => IndicatorStatus, {
    description:
      'From the latest published value v, baseline b, target t and the plan period: p = (v − b) / (t − b); e = share of the period ' +
      'elapsed at the end of the value\'s period. ACHIEVED if p ≥ 1, ON_TRACK if p ≥ 0.8 × e, OFF_TRACK otherwise, NO_DATA without a ' +
      'published value. Qualitative indicators carry the status their reporter gives.',
  })
  async status(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<IndicatorStatus> {
    return (await statusOf(indicator, context)).status;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'p = (v − b) / (t − b) for the latest published value; 1 means the target is reached.' })
  async progress(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<number | null> {
    const { progress } = await statusOf(indicator, context);
    return progress === null ? null : Math.round(progress * 10_000) / 10_000;
  }

  @FieldResolver(() => [IndicatorAlignment], { description: 'Framework indicators this indicator counts towards: report once, be counted in every framework.' })
  async alignments(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<IndicatorAlignment[]> {
    return alignmentsOf(context.loaders, indicator);
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

/** The status of an indicator from its latest published measurement (never a draft) and its plan. */
export async function statusOf(indicator: Indicator, context: NapContext): Promise<StatusResult> {
  const [versions, plan] = await Promise.all([measurementsOf(context.loaders, indicator), context.loaders.planById.load(indicator.planId)]);
  const published = currentVersions(versions.filter((measurement) => measurement.status === 'PUBLISHED'));
  const latest = published.at(-1) ?? null;
  return computeIndicatorStatus({
    kind: indicator.kind,
    baseline: indicator.baseline?.value ?? null,
    target: indicator.target?.value ?? null,
    targetYear: indicator.target?.year ?? null,
    plan: plan?.period ?? { start: null, end: null },
    latest: latest && { period: latest.period, value: latest.value, reportedStatus: latest.reportedStatus },
  });
}
