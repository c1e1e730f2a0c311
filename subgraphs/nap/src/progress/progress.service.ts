import { IndicatorStatus } from '../common/enums.js';
import type { NapContext } from '../context.js';
import { alignmentsOf, measurementsOf } from '../loaders.js';
import { computeIndicatorStatus } from '../indicator/indicator-status.js';
import type { Indicator } from '../indicator/indicator.type.js';
import { currentVersions } from '../measurement/current-versions.js';
import { parsePeriod } from '../measurement/period.js';
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
export async function planAsOf(context: NapContext, year: number): Promise<NationalActionPlan | null> {
  const plans = await context.loaders.plansByCountry.load(context.countryCode);
  return plans.filter((plan) => plan.period.start !== null && plan.period.start <= year).at(-1) ?? null;
}

/** The current plan's indicators aligned to a framework indicator (one statement per batch for plans, indicators and alignments). */
export async function alignedIndicators(context: NapContext, plan: NationalActionPlan, frameworkCode: string, indicatorCode: string): Promise<Indicator[]> {
  const indicators = await context.loaders.indicatorsByPlanId.load(plan.id);
  const alignments = await Promise.all(indicators.map((indicator) => alignmentsOf(context.loaders, indicator)));
  return indicators.filter((_, index) =>
    alignments[index]!.some((alignment) => alignment.frameworkCode === frameworkCode && alignment.indicatorCode === indicatorCode),
  );
}

/** An indicator's progress from its latest value published for a period up to `year` (never a draft). */
export async function indicatorProgressAsOf(context: NapContext, indicator: Indicator, plan: NationalActionPlan, year: number): Promise<AlignedIndicatorProgress> {
  const versions = await measurementsOf(context.loaders, indicator);
  const published = versions.filter((measurement) => measurement.status === 'PUBLISHED' && (parsePeriod(measurement.period)?.year ?? Infinity) <= year);
  const latest = currentVersions(published).at(-1) ?? null;
  const result = computeIndicatorStatus({
    kind: indicator.kind,
    baseline: indicator.baseline?.value ?? null,
    target: indicator.target?.value ?? null,
    targetYear: indicator.target?.year ?? null,
    plan: plan.period,
    latest: latest && { period: latest.period, value: latest.value, reportedStatus: latest.reportedStatus },
  });
  return {
    indicator,
    status: result.status,
    progress: result.progress === null ? null : Math.round(result.progress * 10_000) / 10_000,
    latestValue: latest?.value ?? null,
    latestPeriod: latest?.period ?? null,
    baseline: indicator.baseline,
    target: indicator.target,
  };
}
