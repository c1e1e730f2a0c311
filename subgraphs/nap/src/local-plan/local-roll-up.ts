import { parsePeriod } from '../common/measurement-period.js';
import { LocalRollUpMethod, LocalValueKind, type LocalRollUp } from './local-plan.type.js';

/** One linked local indicator and one of its values (or none): a row of the roll-up's statement. */
export interface RollUpRow {
  localIndicatorId: string;
  localPlanId: string;
  valueKind: LocalValueKind;
  /** The local plan or indicator was generated for the demo network. */
  linkIsDemo: boolean;
  period: string | null;
  value: number | null;
  valueIsDemo: boolean | null;
}

/** Later periods first: by year, then by the month the period ends in ("2023" ends in December, after "2023-Q2"). */
function periodOrder(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return b.localeCompare(a);
  return pb.year - pa.year || pb.endMonth - pa.endMonth || b.localeCompare(a);
}

/**
 * The roll-up of one national indicator from the rows of its linked local
 * indicators (null when none links to it): each local indicator's latest
 * value, added up for counts (SUM), averaged without weights for
 * percentages (MEAN). A local plan links at most one indicator to a national
 * indicator (a unique index), so local indicators and local plans count alike.
 */
export function rollUp(rows: readonly RollUpRow[]): LocalRollUp | null {
  if (rows.length === 0) return null;
  const linkedPlans = new Set(rows.map((row) => row.localPlanId));
  const latest = new Map<string, RollUpRow>();
  for (const row of rows) {
    if (row.period === null || row.value === null) continue;
    const known = latest.get(row.localIndicatorId);
    if (!known || periodOrder(row.period, known.period!) < 0) latest.set(row.localIndicatorId, row);
  }
  const values = [...latest.values()];
  const method = rows[0]!.valueKind === LocalValueKind.PERCENTAGE ? LocalRollUpMethod.MEAN : LocalRollUpMethod.SUM;
  const sum = values.reduce((total, row) => total + row.value!, 0);
  const periods = values.map((row) => row.period!).sort(periodOrder);
  return {
    method,
    value: values.length === 0 ? null : method === LocalRollUpMethod.SUM ? sum : sum / values.length,
    coverage: { reporting: new Set(values.map((row) => row.localPlanId)).size, linked: linkedPlans.size },
    latestPeriod: periods[0] ?? null,
    earliestPeriod: periods[periods.length - 1] ?? null,
    isDemo: rows.some((row) => row.linkIsDemo) || values.some((row) => row.valueIsDemo === true),
  };
}
