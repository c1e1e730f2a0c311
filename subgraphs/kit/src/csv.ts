/**
 * The CSV writer of every export (the progress export of the CLI, the
 * dashboard's downloads): RFC 4180, with cells a spreadsheet would run as a
 * formula neutralised, as OWASP recommends ("CSV injection").
 *
 * - A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 *   is prefixed with a single quote and quoted: `=1+2` is written `"'=1+2"`.
 * - A number stays a number: `-3.5` is written `-3.5` (it is typed as a
 *   number, so no spreadsheet reads it as a formula); a number that is not
 *   finite is written empty. A negative number sent as text is text, and is
 *   neutralised: callers pass numbers as numbers.
 * - A cell holding a comma, a quote or a line break is quoted, quotes doubled.
 *
 * It imports nothing, so the dashboard bundles this very file for the
 * browser (clients/dashboard/src/pages/csv.ts).
 */
export type CsvCell = string | number | boolean | null | undefined;

/** Characters a spreadsheet reads, at the start of a cell, as the start of a formula. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** One cell, as written. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value.length > 0 && FORMULA_START.has(value[0]!)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text: cells joined by commas, every line ended by CRLF (RFC 4180). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
