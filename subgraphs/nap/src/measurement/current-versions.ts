import type { Measurement } from './measurement.type.js';
import { parsePeriod } from '../common/measurement-period.js';

/**
 * The current value of each period: its highest version among `versions`
 * (the versions a request may see), in period order. Older versions stay
 * readable through Measurement.history.
 */
export function currentVersions(versions: readonly Measurement[]): Measurement[] {
  const byPeriod = new Map<string, Measurement>();
  for (const measurement of versions) {
    const current = byPeriod.get(measurement.period);
    if (!current || measurement.version > current.version) byPeriod.set(measurement.period, measurement);
  }
  return [...byPeriod.values()].sort((a, b) => comparePeriods(a.period, b.period));
}

/** Periods sort by when they end: "2022-Q2" before "2022", "2022" before "2023-H1". */
export function comparePeriods(a: string, b: string): number {
  const key = (period: string) => {
    const parsed = parsePeriod(period);
    return parsed ? parsed.year * 100 + parsed.endMonth : 0;
  };
  return key(a) - key(b) || a.localeCompare(b);
}
