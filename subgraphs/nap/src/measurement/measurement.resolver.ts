import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { IndicatorStatus } from '../common/enums.js';
import type { NapContext } from '../context.js';
import { Indicator } from '../indicator/indicator.type.js';
import { currentVersions } from './current-versions.js';
import { measurementsOf } from './measurement.loaders.js';
import { indicatorProgress, type IndicatorProgress } from './measurement.service.js';
import { Measurement } from './measurement.type.js';

@Resolver(() => Measurement)
export class MeasurementResolver {
  @FieldResolver(() => [Measurement], { description: 'Every version of this period the caller may see, first to latest: corrections never overwrite.' })
  async history(@Root() measurement: Measurement, @Ctx() context: NapContext): Promise<Measurement[]> {
    const indicator = await context.loaders.indicatorById.load(measurement.indicatorId);
    const versions = indicator ? await measurementsOf(context.loaders.measurementsByPlanId, indicator) : [];
    return versions.filter((version) => version.period === measurement.period);
  }

  @FieldResolver(() => Measurement, { nullable: true, description: 'The version this one corrects.' })
  async supersedes(@Root() measurement: Measurement, @Ctx() context: NapContext): Promise<Measurement | null> {
    return measurement.supersedesId ? context.loaders.measurementById.load(measurement.supersedesId) : null;
  }

  @FieldResolver(() => Indicator)
  async indicator(@Root() measurement: Measurement, @Ctx() context: NapContext): Promise<Indicator> {
    return (await context.loaders.indicatorById.load(measurement.indicatorId))!;
  }
}

/** An indicator's values, and the status they give it. */
@Resolver(() => Indicator)
export class IndicatorMeasurementsResolver {
  @FieldResolver(() => [Measurement], {
    description: 'The current value of each period (its latest version), oldest period first. Drafts stay with the member state.',
  })
  async measurements(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<Measurement[]> {
    return currentVersions(await measurementsOf(context.loaders.measurementsByPlanId, indicator));
  }

  @FieldResolver(() => Measurement, { nullable: true, description: 'The current value of the most recent period; null without one.' })
  async latestMeasurement(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<Measurement | null> {
    return currentVersions(await measurementsOf(context.loaders.measurementsByPlanId, indicator)).at(-1) ?? null;
  }

  @FieldResolver(() => IndicatorStatus, {
    description:
      'From the latest published value v, baseline b, target t and the plan period: p = (v − b) / (t − b); e = share of the period ' +
      'elapsed at the end of the value\'s period. ACHIEVED if p ≥ 1, ON_TRACK if p ≥ 0.8 × e, OFF_TRACK otherwise, NO_DATA without a ' +
      'published value. Qualitative indicators carry the status their reporter gives.',
  })
  async status(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<IndicatorStatus> {
    return (await progressOf(indicator, context)).status;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'p = (v − b) / (t − b) for the latest published value; 1 means the target is reached.' })
  async progress(@Root() indicator: Indicator, @Ctx() context: NapContext): Promise<number | null> {
    return (await progressOf(indicator, context)).progress;
  }
}

/** The indicator's progress from its latest published measurement (never a draft) and its plan. */
async function progressOf(indicator: Indicator, context: NapContext): Promise<IndicatorProgress> {
  const [versions, plan] = await Promise.all([measurementsOf(context.loaders.measurementsByPlanId, indicator), context.loaders.planById.load(indicator.planId)]);
  return indicatorProgress(indicator, plan?.period ?? { start: null, end: null }, versions);
}
