import { FrameworkProgressExportDocument, type FrameworkCode, type HubClient } from '@wps/sdk';
import { toCsv, type CsvCell } from '@wps/kit/dist/csv.js';

/**
 * The columns of the cross-country progress export, one line per member ×
 * framework indicator × aligned national indicator (members without a
 * subgraph, or without an aligned indicator, get one line with the national
 * columns empty).
 */
export const PROGRESS_COLUMNS = [
  ['framework', 'AU_CRF, EU_GAP_III or OSCE'],
  ['year', 'values up to and including this year count'],
  ['framework_indicator', 'code in the framework catalogue'],
  ['framework_indicator_title', ''],
  ['pillar', 'PARTICIPATION, PREVENTION, PROTECTION, RELIEF_AND_RECOVERY'],
  ['illustrative', 'true when the catalogue is the illustrative demo one, not the official list'],
  ['country', 'ISO 3166-1 alpha-2'],
  ['country_name', ''],
  ['member_status', 'ACTIVE, QUARANTINED, OFFLINE or NOT_CONNECTED'],
  ['row_status', "the worst of the member's aligned indicators; empty when the member did not answer"],
  ['national_indicator', "the member's own indicator code"],
  ['national_indicator_title', ''],
  ['unit', ''],
  ['baseline', ''],
  ['baseline_year', ''],
  ['target', ''],
  ['target_year', ''],
  ['latest_value', 'latest published value up to the year'],
  ['latest_period', ''],
  ['progress', 'p = (value − baseline) / (target − baseline)'],
  ['indicator_status', 'ACHIEVED, ON_TRACK, OFF_TRACK or NO_DATA'],
] as const;

export interface ProgressExport {
  csv: string;
  lines: number;
  /** Members whose subgraph did not answer (their rows are in the file, empty). */
  unavailable: string[];
}

/**
 * Cross-country progress of a framework as CSV, fetched in one request
 * through the typed client. The kit's CSV writer neutralises text cells a
 * spreadsheet would run as formulas (a member's indicator title is the
 * member's to choose), and numbers go in as numbers, so a negative one stays
 * a number.
 */
export async function exportProgressCsv(client: HubClient, framework: FrameworkCode, year?: number): Promise<ProgressExport> {
  const result = await client.execute(FrameworkProgressExportDocument, { framework, year: year ?? null });
  if (!result.data?.framework) throw new Error(`the hub did not return ${framework}: ${result.errors.map((error) => error.message).join('; ') || 'no data'}`);
  const unavailable = [...new Set(result.errors.flatMap((error) => (typeof error.extensions?.country === 'string' ? [error.extensions.country] : [])))].sort();
  const records: CsvCell[][] = [];
  for (const indicator of result.data.framework.indicators) {
    for (const row of indicator.progress.rows) {
      const common = [
        framework,
        indicator.progress.year,
        indicator.code,
        indicator.title,
        indicator.pillar,
        indicator.illustrative,
        row.countryCode,
        row.country.name,
        row.memberStatus,
        row.status,
      ];
      const national = row.indicators ?? [];
      if (national.length === 0) records.push([...common, '', '', '', '', '', '', '', '', '', '', '']);
      for (const aligned of national) {
        records.push([
          ...common,
          aligned.indicator.code,
          aligned.indicator.title,
          aligned.indicator.unit,
          aligned.baseline?.value,
          aligned.baseline?.year,
          aligned.target?.value,
          aligned.target?.year,
          aligned.latestValue,
          aligned.latestPeriod,
          aligned.progress,
          aligned.status,
        ]);
      }
    }
  }
  return { csv: toCsv([PROGRESS_COLUMNS.map(([name]) => name), ...records]), lines: records.length, unavailable };
}
