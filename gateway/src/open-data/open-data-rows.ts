import { toCsv, type CsvCell } from '@wps/kit';

/**
 * The rows of the open-data downloads, shaped from public GraphQL answers.
 * One flat row shape per dataset, the same in CSV and JSON (JSON keeps lists
 * as lists); nothing here is stored.
 */

export const DATASETS = ['public-record', 'measurements', 'budgets'] as const;
export type DatasetName = (typeof DATASETS)[number];
export const FORMATS = ['csv', 'json'] as const;
export type DatasetFormat = (typeof FORMATS)[number];

export type RowValue = string | number | boolean | null | readonly string[];
export type Row = Record<string, RowValue>;

/** A member whose data is missing from a download, and why (the hub's reason, e.g. "timeout", "offline"). */
export interface UnavailableMember {
  countryCode: string;
  reason: string;
}

// --- The answers (as the public schema gives them) ---

export interface RecordCountry {
  code: string;
  name: string;
  memberStatus: string;
  publicRecord: {
    listed: boolean;
    source: string;
    gathered: string;
    iterations: {
      iteration: number;
      period: { start: number | null; end: number | null };
      adopted: { value: string; precision: string } | null;
      sources: string[];
      verified: boolean;
      note: string | null;
      sourceConflict: string | null;
    }[];
  };
}

interface PlanHead {
  id: string;
  iteration: number;
  title: string;
}

export interface MeasurementCountry {
  code: string;
  name: string;
  memberStatus: string;
  actionPlans:
    | (PlanHead & {
        indicators: {
          code: string;
          title: string;
          level: string;
          kind: string;
          unit: string;
          isDemo: boolean;
          alignments: { frameworkCode: string; indicatorCode: string }[];
          measurements: {
            period: string;
            version: number;
            value: number | null;
            status: string;
            isDemo: boolean;
            reportedStatus: string | null;
            narrative: string | null;
            source: string | null;
            publishedAt: string | null;
            disaggregatedValues: { dimension: string; category: string; value: number | null }[];
          }[];
        }[];
      })[]
    | null;
}

export interface BudgetCountry {
  code: string;
  name: string;
  memberStatus: string;
  actionPlans:
    | (PlanHead & {
        budget: { costed: boolean | null; earmarked: boolean | null };
        budgetLines: {
          fiscalYear: number;
          description: string;
          currency: string;
          allocated: number;
          disbursed: number;
          spent: number;
          costedEstimate: number | null;
          fundingSource: string;
          genderMarker: string;
          status: string;
          isDemo: boolean;
          partner: { name: string; kind: string } | null;
          activity: { code: string; title: string } | null;
        }[];
      })[]
    | null;
}

// --- Columns ---

export const PUBLIC_RECORD_COLUMNS = [
  'country_code',
  'country_name',
  'member_status',
  'listed',
  'iteration',
  'period_start',
  'period_end',
  'adopted',
  'adopted_precision',
  'verified',
  'sources',
  'note',
  'source_conflict',
] as const;

const MEASUREMENT_BASE_COLUMNS = [
  'country_code',
  'country_name',
  'plan_iteration',
  'plan_title',
  'indicator_code',
  'indicator_title',
  'indicator_level',
  'indicator_kind',
  'unit',
  'alignments',
  'period',
  'version',
  'value',
  'dimension',
  'category',
  'reported_status',
  'narrative',
  'source',
  'published_at',
  'is_demo',
] as const;

export const BUDGET_COLUMNS = [
  'country_code',
  'country_name',
  'plan_iteration',
  'plan_title',
  'plan_costed',
  'plan_earmarked',
  'fiscal_year',
  'description',
  'partner',
  'partner_kind',
  'activity_code',
  'activity_title',
  'funding_source',
  'gender_marker',
  'currency',
  'allocated',
  'disbursed',
  'spent',
  'costed_estimate',
  'is_demo',
] as const;

/** The measurement columns; a framework's download adds the codes of its own catalogue each indicator is aligned to. */
export function measurementColumns(framework?: string): readonly string[] {
  if (!framework) return MEASUREMENT_BASE_COLUMNS;
  const at = MEASUREMENT_BASE_COLUMNS.indexOf('alignments') + 1;
  return [...MEASUREMENT_BASE_COLUMNS.slice(0, at), 'framework_indicator_codes', ...MEASUREMENT_BASE_COLUMNS.slice(at)];
}

// --- Rows ---

/** One row per NAP iteration the record lists; a state it lists none for gets one row (listed false) so that every member state appears. */
export function publicRecordRows(countries: readonly RecordCountry[]): Row[] {
  const rows: Row[] = [];
  for (const country of countries) {
    const head = { country_code: country.code, country_name: country.name, member_status: country.memberStatus, listed: country.publicRecord.listed };
    if (country.publicRecord.iterations.length === 0) {
      rows.push({ ...head, iteration: null, period_start: null, period_end: null, adopted: null, adopted_precision: null, verified: null, sources: [], note: null, source_conflict: null });
      continue;
    }
    for (const entry of country.publicRecord.iterations) {
      rows.push({
        ...head,
        iteration: entry.iteration,
        period_start: entry.period.start,
        period_end: entry.period.end,
        adopted: entry.adopted?.value ?? null,
        adopted_precision: entry.adopted?.precision ?? null,
        verified: entry.verified,
        sources: entry.sources,
        note: entry.note,
        source_conflict: entry.sourceConflict,
      });
    }
  }
  return rows;
}

/**
 * One row per published value (the indicator's total), and one more per
 * disaggregated value (dimension and category set). A value that is not
 * PUBLISHED is left out even if a member sent it.
 */
export function measurementRows(countries: readonly MeasurementCountry[], framework?: string): Row[] {
  const rows: Row[] = [];
  for (const country of countries) {
    for (const plan of country.actionPlans ?? []) {
      for (const indicator of plan.indicators) {
        const alignments = indicator.alignments.map((alignment) => `${alignment.frameworkCode}:${alignment.indicatorCode}`);
        const aligned: Row = framework ? { framework_indicator_codes: indicator.alignments.filter((alignment) => alignment.frameworkCode === framework).map((alignment) => alignment.indicatorCode) } : {};
        for (const measurement of indicator.measurements) {
          if (measurement.status !== 'PUBLISHED') continue;
          const base: Row = {
            country_code: country.code,
            country_name: country.name,
            plan_iteration: plan.iteration,
            plan_title: plan.title,
            indicator_code: indicator.code,
            indicator_title: indicator.title,
            indicator_level: indicator.level,
            indicator_kind: indicator.kind,
            unit: indicator.unit,
            alignments,
            ...aligned,
            period: measurement.period,
            version: measurement.version,
            value: measurement.value,
            dimension: null,
            category: null,
            reported_status: measurement.reportedStatus,
            narrative: measurement.narrative,
            source: measurement.source,
            published_at: measurement.publishedAt,
            is_demo: measurement.isDemo || indicator.isDemo,
          };
          rows.push(base);
          for (const part of measurement.disaggregatedValues) rows.push({ ...base, value: part.value, dimension: part.dimension, category: part.category });
        }
      }
    }
  }
  return rows;
}

/** One row per published budget line, with its plan's costed and earmarked flags. */
export function budgetRows(countries: readonly BudgetCountry[]): Row[] {
  const rows: Row[] = [];
  for (const country of countries) {
    for (const plan of country.actionPlans ?? []) {
      for (const line of plan.budgetLines) {
        if (line.status !== 'PUBLISHED') continue;
        rows.push({
          country_code: country.code,
          country_name: country.name,
          plan_iteration: plan.iteration,
          plan_title: plan.title,
          plan_costed: plan.budget.costed,
          plan_earmarked: plan.budget.earmarked,
          fiscal_year: line.fiscalYear,
          description: line.description,
          partner: line.partner?.name ?? null,
          partner_kind: line.partner?.kind ?? null,
          activity_code: line.activity?.code ?? null,
          activity_title: line.activity?.title ?? null,
          funding_source: line.fundingSource,
          gender_marker: line.genderMarker,
          currency: line.currency,
          allocated: line.allocated,
          disbursed: line.disbursed,
          spent: line.spent,
          costed_estimate: line.costedEstimate,
          is_demo: line.isDemo,
        });
      }
    }
  }
  return rows;
}

/** True when any row holds a generated demo value. */
export function anyDemo(rows: readonly Row[]): boolean {
  return rows.some((row) => row.is_demo === true);
}

/** The sources the rows cite (the public record's), each once, in order. */
export function citedSources(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const sources = row.sources;
    if (Array.isArray(sources)) for (const source of sources as readonly string[]) seen.add(source);
  }
  return [...seen];
}

/** The rows as CSV through the kit's writer (formula-like text neutralised); a list is one cell, its items joined by " | ". */
export function rowsToCsv(columns: readonly string[], rows: readonly Row[]): string {
  const cell = (value: RowValue | undefined): CsvCell => (Array.isArray(value) ? (value as readonly string[]).join(' | ') : (value as CsvCell));
  return toCsv([columns, ...rows.map((row) => columns.map((column) => cell(row[column])))]);
}

/**
 * The members a public answer says are missing: every error the hub wrote
 * for a member (it names the country; the reason, or its code), and every
 * registered member the registry does not route to (quarantined, offline).
 */
export function unavailableMembersOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined, countries: readonly { code: string; memberStatus: string }[] = []): UnavailableMember[] {
  const found = new Map<string, string>();
  for (const error of errors ?? []) {
    const country = error.extensions?.country;
    if (typeof country !== 'string' || found.has(country)) continue;
    const reason = error.extensions?.reason ?? error.extensions?.code;
    found.set(country, typeof reason === 'string' ? reason.toLowerCase() : 'unavailable');
  }
  for (const country of countries) {
    if ((country.memberStatus === 'QUARANTINED' || country.memberStatus === 'OFFLINE') && !found.has(country.code)) found.set(country.code, country.memberStatus.toLowerCase());
  }
  return [...found].map(([countryCode, reason]) => ({ countryCode, reason })).sort((a, b) => a.countryCode.localeCompare(b.countryCode));
}
