import { errorMessage } from '@wps/kit';
import { parse } from 'csv-parse/sync';

/** Frameworks a catalogue can be imported for (the regional three, the UN global indicators, CEDAW GR30's areas). */
export const CATALOGUE_FRAMEWORKS = ['AU_CRF', 'CEDAW_GR30', 'EU_GAP_III', 'OSCE', 'UN_1325'] as const;
export type CatalogueFramework = (typeof CATALOGUE_FRAMEWORKS)[number];

const PILLARS = ['PARTICIPATION', 'PREVENTION', 'PROTECTION', 'RELIEF_AND_RECOVERY'];
const LEVELS = ['OUTCOME', 'OUTPUT'];
const CODE = /^[A-Z0-9][A-Z0-9.-]{0,31}$/;
const COLUMNS = ['code', 'title', 'pillar', 'level'];

export interface CatalogueEntry {
  code: string;
  title: string;
  pillar: string | null;
  level: string | null;
}

/** One problem with one line (CSV: line 1 is the header) or entry (JSON: the first entry is 1). */
export interface CatalogueProblem {
  line: number;
  field: string;
  message: string;
}

export type CatalogueParse = { ok: true; entries: CatalogueEntry[] } | { ok: false; problems: CatalogueProblem[] };

/**
 * Read and check a framework indicator catalogue. Formats (see
 * subgraphs/regional/CATALOGUE_IMPORT.md):
 * - CSV with a header row: code,title[,pillar][,level];
 * - JSON: an array of { code, title, pillar?, level? }.
 * Every problem is reported with its line, not just the first.
 */
export function parseCatalogue(content: string, format: 'csv' | 'json'): CatalogueParse {
  let rows: { line: number; record: Record<string, unknown> }[];
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      return { ok: false, problems: [{ line: 0, field: 'file', message: `not valid JSON: ${errorMessage(error)}` }] };
    }
    if (!Array.isArray(parsed)) return { ok: false, problems: [{ line: 0, field: 'file', message: 'a JSON catalogue is an array of indicators' }] };
    rows = parsed.map((record, index) => ({ line: index + 1, record: typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : {} }));
  } else {
    let records: Record<string, string>[];
    try {
      records = parse(content, { columns: (header: string[]) => header.map((column) => column.trim().toLowerCase()), skip_empty_lines: true, trim: true }) as Record<string, string>[];
    } catch (error) {
      return { ok: false, problems: [{ line: 0, field: 'file', message: `not valid CSV: ${errorMessage(error)}` }] };
    }
    const header = content.split(/\r?\n/, 1)[0]!.split(',').map((column) => column.trim().toLowerCase());
    const unknown = header.filter((column) => !COLUMNS.includes(column));
    const missing = ['code', 'title'].filter((column) => !header.includes(column));
    if (unknown.length > 0 || missing.length > 0) {
      return {
        ok: false,
        problems: [
          ...missing.map((column) => ({ line: 1, field: column, message: `the header lacks the column "${column}"` })),
          ...unknown.map((column) => ({ line: 1, field: column, message: `unknown column "${column}" (columns: ${COLUMNS.join(', ')})` })),
        ],
      };
    }
    rows = records.map((record, index) => ({ line: index + 2, record }));
  }

  const problems: CatalogueProblem[] = [];
  const entries: CatalogueEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, record } of rows) {
    const text = (field: string) => (typeof record[field] === 'string' ? (record[field] as string).trim() : record[field] === undefined || record[field] === null ? '' : String(record[field]));
    const code = text('code');
    const title = text('title');
    const pillar = text('pillar').toUpperCase() || null;
    const level = text('level').toUpperCase() || null;
    if (!code) problems.push({ line, field: 'code', message: 'the code is empty' });
    else if (!CODE.test(code)) problems.push({ line, field: 'code', message: `"${code}" is not a well-formed indicator code (capitals, digits, dots and dashes)` });
    else if (seen.has(code)) problems.push({ line, field: 'code', message: `"${code}" is already on line ${seen.get(code)}` });
    if (!title) problems.push({ line, field: 'title', message: 'the title is empty' });
    if (pillar && !PILLARS.includes(pillar)) problems.push({ line, field: 'pillar', message: `"${pillar}" is not a pillar (${PILLARS.join(', ')})` });
    if (level && !LEVELS.includes(level)) problems.push({ line, field: 'level', message: `"${level}" is not a level (${LEVELS.join(', ')})` });
    if (code) seen.set(code, line);
    entries.push({ code, title, pillar, level });
  }
  if (rows.length === 0) problems.push({ line: format === 'csv' ? 2 : 1, field: 'file', message: 'the catalogue has no indicators' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}
