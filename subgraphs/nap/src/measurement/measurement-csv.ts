import { errorMessage } from '@wps/kit';
import { parse } from 'csv-parse/sync';
import { ReportedStatus } from '../common/enums.js';
import type { DisaggregatedValueRecord } from './measurement.entity.js';
import type { MeasurementValues } from './measurement-rules.js';

/** Columns of a measurement import (MEASUREMENT_IMPORT.md); the header names them, in any order. */
export const IMPORT_COLUMNS = ['indicator_code', 'period', 'value', 'narrative', 'source', 'reported_status', 'disaggregation'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly ImportColumn[] = ['indicator_code', 'period'];

/** One problem of an import, on a line of the file (line 1 is the header). */
export interface ImportLineError {
  line: number;
  field: string;
  message: string;
}

/** A data row as parsed; `failed` are the columns that could not be read (their rules are not checked again). */
export interface ImportRow {
  line: number;
  indicatorCode: string;
  values: MeasurementValues;
  failed: Set<ImportColumn>;
}

export interface ParsedImport {
  rows: ImportRow[];
  errors: ImportLineError[];
  /** Why no row could be read at all (the file or its header is unusable); undefined when rows were read. */
  unreadable?: string;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * Read a measurement CSV (RFC 4180, header row first) into rows, with every
 * problem found on the way. Pure: which indicators exist and the plan's
 * rules are checked by the caller.
 */
export function parseMeasurementCsv(csv: string): ParsedImport {
  const text = csv.replace(/^\uFEFF/, '');
  let parsed: { record: string[]; info: { bytes: number } }[];
  try {
    parsed = parse(text, { info: true, record_delimiter: ['\r\n', '\n', '\r'], skip_empty_lines: true, relax_column_count: true }) as never;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    return { rows: [], errors: [{ line, field: 'csv', message: errorMessage(error) }], unreadable: 'The CSV cannot be read' };
  }
  const [header, ...data] = withStartLines(text, parsed);
  if (!header) return { rows: [], errors: [{ line: 1, field: 'csv', message: 'The CSV is empty: it needs a header row naming its columns.' }], unreadable: 'The CSV is empty' };

  const headerLine = header.line;
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const errors: ImportLineError[] = [];
  columns.forEach((name, index) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ line: headerLine, field: name || `column ${index + 1}`, message: `Unknown column "${name}": the columns are ${IMPORT_COLUMNS.join(', ')}.` });
    } else if (columns.indexOf(name) !== index) {
      errors.push({ line: headerLine, field: name, message: `Column "${name}" appears twice.` });
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!columns.includes(required)) errors.push({ line: headerLine, field: required, message: `The required column "${required}" is missing.` });
  }
  if (errors.length > 0) return { rows: [], errors, unreadable: 'The header row is invalid' };
  if (data.length === 0) return { rows: [], errors: [{ line: headerLine + 1, field: 'csv', message: 'The CSV has a header but no rows.' }], unreadable: 'The CSV has no rows' };

  const rows: ImportRow[] = [];
  for (const { record, line } of data) {
    if (record.length !== columns.length) {
      errors.push({ line, field: 'csv', message: `The row has ${record.length} fields; the header has ${columns.length}.` });
      continue;
    }
    const cell = (column: ImportColumn) => {
      const index = columns.indexOf(column);
      return index < 0 ? '' : record[index]!.trim();
    };
    const failed = new Set<ImportColumn>();
    const fail = (field: ImportColumn, message: string) => {
      failed.add(field);
      errors.push({ line, field, message });
    };

    const indicatorCode = cell('indicator_code');
    if (!indicatorCode) fail('indicator_code', 'indicator_code is required.');
    const period = cell('period');
    if (!period) fail('period', 'period is required.');

    let value: number | null = null;
    const rawValue = cell('value');
    if (rawValue) {
      if (DECIMAL.test(rawValue)) value = Number(rawValue);
      else fail('value', `"${rawValue}" is not a number (use a dot for decimals, no thousands separators).`);
    }

    let reportedStatus: ReportedStatus | null = null;
    const rawStatus = cell('reported_status');
    if (rawStatus) {
      const status = rawStatus.toUpperCase();
      if ((Object.values(ReportedStatus) as string[]).includes(status)) reportedStatus = status as ReportedStatus;
      else fail('reported_status', `"${rawStatus}" is not a reported status: use ${Object.values(ReportedStatus).join(', ')}.`);
    }

    const disaggregation = parseDisaggregation(cell('disaggregation'));
    if (typeof disaggregation === 'string') fail('disaggregation', disaggregation);

    rows.push({
      line,
      indicatorCode,
      values: {
        period,
        value,
        disaggregatedValues: typeof disaggregation === 'string' ? [] : disaggregation,
        narrative: cell('narrative') || null,
        source: cell('source') || null,
        reportedStatus,
      },
      failed,
    });
  }
  return { rows, errors };
}

/** The CSV column a measurement rule's field is read from. */
export function columnOf(field: string): ImportColumn {
  if (field.startsWith('disaggregatedValues')) return 'disaggregation';
  if (field === 'reportedStatus') return 'reported_status';
  return field as ImportColumn;
}

/**
 * Each record with the line it starts on. csv-parse's own line count runs to
 * a record's end and counts a CRLF inside quotes as two lines, so lines are
 * counted here from the text: each record spans the bytes after the previous
 * one up to `info.bytes`, blank lines (skipped) first.
 */
function withStartLines(text: string, parsed: readonly { record: string[]; info: { bytes: number } }[]): { record: string[]; line: number }[] {
  const bytes = Buffer.from(text, 'utf8');
  const breaksIn = (value: string) => value.match(LINE_BREAK)?.length ?? 0;
  let linesBefore = 0;
  let previousEnd = 0;
  return parsed.map(({ record, info }) => {
    const segment = bytes.subarray(previousEnd, info.bytes).toString('utf8');
    const line = linesBefore + breaksIn(/^[\r\n]*/.exec(segment)![0]) + 1;
    linesBefore += breaksIn(segment);
    previousEnd = info.bytes;
    return { record, line };
  });
}

const DISAGGREGATED_ENTRY = /^([^:=]+):([^=]+)=(.*)$/;

/** `sex:female=12;sex:male=30` → entries, or a message saying what is wrong. */
function parseDisaggregation(text: string): DisaggregatedValueRecord[] | string {
  if (!text) return [];
  const entries: DisaggregatedValueRecord[] = [];
  for (const part of text.split(';').map((piece) => piece.trim())) {
    if (!part) continue;
    const match = DISAGGREGATED_ENTRY.exec(part);
    if (!match) return `"${part}" is not dimension:category=value (e.g. sex:female=12;sex:male=30).`;
    const raw = match[3]!.trim();
    if (raw && !DECIMAL.test(raw)) return `"${raw}" in "${part}" is not a number.`;
    entries.push({ dimension: match[1]!.trim(), category: match[2]!.trim(), value: raw ? Number(raw) : null });
  }
  return entries;
}
