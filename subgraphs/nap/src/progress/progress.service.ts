import { IndicatorStatus } from '../common/enums.js';
import type { IndicatorLoaders } from '../indicator/indicator.loaders.js';
import type { Indicator } from '../indicator/indicator.type.js';
import { measurementsOf, type MeasurementLoaders } from '../measurement/measurement.loaders.js';
import { indicatorProgress } from '../measurement/measurement.service.js';
import type { NationalActionPlan } from '../plan/plan.type.js';
import type { AlignedIndicatorProgress } from './progress.type.js';

/** Worst first: a row is as good as its weakest aligned indicator with data. */
const RANK: Record<IndicatorStatus, number> = {
  [IndicatorStatus.OFF_TRACK]: 0,
  [IndicatorStatus.ON_TRACK]: 1,
  [IndicatorStatus.ACHIEVED]: 2,
  [IndicatorStatus.NO_DATA]: 3,
};

/** The row status: the worst of the indicators' (OFF_TRACK < ON_TRACK < ACHIEVED); NO_DATA when none has a published value. */
export function worstStatus(statuses: readonly IndicatorStatus[]): IndicatorStatus {
  const withData = statuses.filter((status) => status !== IndicatorStatus.NO_DATA);
  if (withData.length === 0) return IndicatorStatus.NO_DATA;
  return withData.reduce((worst, status) => (RANK[status] < RANK[worst] ? status : worst));
}

/** The plan that was current in a year: the latest one (highest iteration) that had started by then. */
export function planAsOf(plans: readonly NationalActionPlan[], year: number): NationalActionPlan | null {
  return plans.filter((plan) => plan.period.start !== null && plan.period.start <= year).at(-1) ?? null;
}

/**
 * A plan's indicators aligned to a framework indicator: one statement per
 * batch for indicators and one for alignments, both keyed by plan, so they
 * run at once rather than one after the other.
 */
export async function alignedIndicators(
  loaders: Pick<IndicatorLoaders, 'indicatorsByPlanId' | 'alignmentsByPlanId'>,
  plan: NationalActionPlan,
  frameworkCode: string,
  indicatorCode: string,
): Promise<Indicator[]> {
  const [indicators, alignments] = await Promise.all([loaders.indicatorsByPlanId.load(plan.id), loaders.alignmentsByPlanId.load(plan.id)]);
  return indicators.filter((indicator) => (alignments.get(indicator.id) ?? []).some((alignment) => alignment.frameworkCode === frameworkCode && alignment.indicatorCode === indicatorCode));
}

/** An indicator's progress from its latest value published for a period up to `year` (never a draft). */
export async function indicatorProgressAsOf(
  measurementsByPlanId: MeasurementLoaders['measurementsByPlanId'],
  indicator: Indicator,
  plan: NationalActionPlan,
  year: number,
): Promise<AlignedIndicatorProgress> {
  const { status, progress, latest } = indicatorProgress(indicator, plan.period, await measurementsOf(measurementsByPlanId, indicator), year);
  return { indicator, status, progress, latestValue: latest?.value ?? null, latestPeriod: latest?.period ?? null, baseline: indicator.baseline, target: indicator.target };
}
