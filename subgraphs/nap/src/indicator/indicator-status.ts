import { IndicatorKind, IndicatorStatus, type ReportedStatus } from '../common/enums.js';
import { parsePeriod } from '../common/measurement-period.js';

export interface StatusInput {
  kind: IndicatorKind;
  baseline: number | null;
  target: number | null;
  /** Year of the target, used as the end when the plan is open-ended. */
  targetYear: number | null;
  plan: { start: number | null; end: number | null };
  /** The latest published measurement, if any. */
  latest: { period: string; value: number | null; reportedStatus: ReportedStatus | null } | null;
}

export interface StatusResult {
  status: IndicatorStatus;
  /** p = (v − b) / (t − b); null when it cannot be computed. */
  progress: number | null;
  /** e: the share of the plan period elapsed at the end of the value's period, in [0, 1]. */
  elapsedShare: number | null;
}

/**
 * The status rule of the NAP contract (DOMAIN.md). For quantitative
 * indicators, from the latest published value v, baseline b, target t and
 * the plan period: p = (v − b) / (t − b), which works for falling targets
 * too; e is the share of the period elapsed at the end of the value's
 * period. ACHIEVED if p ≥ 1; ON_TRACK if p ≥ 0.8 × e; OFF_TRACK otherwise;
 * NO_DATA without a published value. Qualitative indicators carry the status
 * their reporter gives.
 *
 * Periods are whole years, measured in months: a plan 2020–2024 runs 60
 * months; a value for 2022 is dated at month 36, so e = 0.6.
 */
export function computeIndicatorStatus(input: StatusInput): StatusResult {
  const none = { progress: null, elapsedShare: null };
  const { latest } = input;
  if (!latest) return { status: IndicatorStatus.NO_DATA, ...none };
  if (input.kind === IndicatorKind.QUALITATIVE) {
    return { status: latest.reportedStatus ? (latest.reportedStatus as unknown as IndicatorStatus) : IndicatorStatus.NO_DATA, ...none };
  }
  const { value } = latest;
  const { baseline, target } = input;
  if (value === null) return { status: IndicatorStatus.NO_DATA, ...none };
  if (baseline === null || target === null) return { status: IndicatorStatus.NO_DATA, ...none };

  if (target === baseline) {
    const progress = value === target ? 1 : 0;
    return { status: progress >= 1 ? IndicatorStatus.ACHIEVED : IndicatorStatus.OFF_TRACK, progress, elapsedShare: null };
  }
  const progress = (value - baseline) / (target - baseline);
  const elapsedShare = elapsedShareAt(latest.period, input.plan.start, input.plan.end ?? input.targetYear);
  if (progress >= 1) return { status: IndicatorStatus.ACHIEVED, progress, elapsedShare };
  // Without a known period, judge against the whole period (the strictest reading).
  const share = elapsedShare ?? 1;
  return { status: progress >= 0.8 * share ? IndicatorStatus.ON_TRACK : IndicatorStatus.OFF_TRACK, progress, elapsedShare };
}

/** e in [0, 1]: months from the start of `startYear` to the end of `period`, over the months of startYear..endYear. */
export function elapsedShareAt(period: string, startYear: number | null, endYear: number | null): number | null {
  const parsed = parsePeriod(period);
  if (!parsed || startYear === null || endYear === null || endYear < startYear) return null;
  const total = (endYear - startYear + 1) * 12;
  const elapsed = (parsed.year - startYear) * 12 + parsed.endMonth;
  return Math.min(1, Math.max(0, elapsed / total));
}
