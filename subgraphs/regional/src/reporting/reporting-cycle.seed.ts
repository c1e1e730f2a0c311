import { loadReportingCycles, type ReportingCycleRecord } from '@wps/data';
import type { DataSource } from 'typeorm';

export interface CycleSeed {
  code: string;
  frameworkCode: string;
  year: number;
  title: string;
  cadence: string;
  cadenceNote: string;
  cadenceIllustrative: boolean;
  dueOn: string;
  dueIllustrative: boolean;
  sources: string[];
}

/** The code of a framework's cycle for a year: "AU_CRF-2025". */
export const cycleCodeOf = (frameworkCode: string, year: number): string => `${frameworkCode}-${year}`;

/** The cycles one record of data/reporting-cycles.json defines, up to `lastYear` (or `thisYear`). */
export function cyclesOf(record: ReportingCycleRecord, thisYear: number): CycleSeed[] {
  if (!/^\d{2}-\d{2}$/.test(record.dueMonthDay)) throw new Error(`reporting-cycles.json: ${record.frameworkCode} has dueMonthDay ${JSON.stringify(record.dueMonthDay)}, not MM-DD`);
  const last = record.lastYear ?? thisYear;
  const cycles: CycleSeed[] = [];
  for (let year = record.firstYear; year <= last; year += 1) {
    cycles.push({
      code: cycleCodeOf(record.frameworkCode, year),
      frameworkCode: record.frameworkCode,
      year,
      title: `${record.title} ${year}`,
      cadence: record.cadence,
      cadenceNote: record.cadenceNote,
      cadenceIllustrative: record.cadenceIllustrative,
      dueOn: `${year + 1}-${record.dueMonthDay}`,
      dueIllustrative: record.dueIllustrative,
      sources: record.cadenceSources,
    });
  }
  return cycles;
}

/**
 * Upsert the reporting cycles from data/reporting-cycles.json, in one
 * transaction, at every start. Cycles are never deleted: receipts refer to them.
 */
export async function seedReportingCycles(dataSource: DataSource, thisYear = new Date().getUTCFullYear()): Promise<number> {
  const cycles = loadReportingCycles().cycles.flatMap((record) => cyclesOf(record, thisYear));
  await dataSource.transaction(async (manager) => {
    for (const cycle of cycles) {
      await manager.query(
        `INSERT INTO public.reporting_cycle (code, framework_code, year, title, cadence, cadence_note, cadence_illustrative, due_on, due_illustrative, sources)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (code) DO UPDATE SET title = $4, cadence = $5, cadence_note = $6, cadence_illustrative = $7, due_on = $8, due_illustrative = $9, sources = $10`,
        [cycle.code, cycle.frameworkCode, cycle.year, cycle.title, cycle.cadence, cycle.cadenceNote, cycle.cadenceIllustrative, cycle.dueOn, cycle.dueIllustrative, cycle.sources],
      );
    }
  });
  return cycles.length;
}
