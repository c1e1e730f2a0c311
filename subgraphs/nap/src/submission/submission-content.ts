import type { EntityManager } from 'typeorm';

/** A measurement in a submission: the latest published version of each period of the cycle year. */
interface ContentMeasurement {
  period: string;
  value: number | null;
  version: number;
  disaggregations: { dimension: string; category: string; value: number | null }[];
  narrative: string | null;
  source: string | null;
  isDemo: boolean;
}

interface ContentNationalIndicator {
  id: string;
  code: string;
  title: string;
  unit: string;
  baseline: { value: number | null; year: number | null };
  target: { value: number | null; year: number | null };
  isDemo: boolean;
  measurements: ContentMeasurement[];
}

export interface ContentIndicator {
  /** The framework indicator code. */
  code: string;
  answered: boolean;
  explanation: string | null;
  national: ContentNationalIndicator[];
}

/** The content of a submission: a snapshot of the member's own published data for one framework and year (JSON). */
export interface SubmissionContent {
  format: 'wps-submission/1';
  countryCode: string;
  frameworkCode: string;
  year: number;
  /** Null in a draft; the version number once locked. */
  version: number | null;
  plan: { id: string; iteration: number; title: string; periodStart: number | null; periodEnd: number | null };
  indicators: ContentIndicator[];
  budget: { description: string; partner: string | null; currency: string; allocated: number; disbursed: number; spent: number; fundingSource: string; isDemo: boolean }[];
  reports: {
    id: string;
    kind: string;
    title: string;
    periodStart: number;
    periodEnd: number;
    findings: string[];
    isDemo: boolean;
    recommendations: { text: string; decision: string | null; decidedOn: string | null; decidedBy: string | null }[];
  }[];
  /** True when any value in it was generated for the demo network, not reported by the state. */
  isDemo: boolean;
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** The plan in force in `year` (the latest iteration if several; never a DRAFT plan), or null. */
export async function planOfYear(manager: EntityManager, year: number): Promise<{ id: string; iteration: number; title: string; period_start: number | null; period_end: number | null } | null> {
  const rows = (await manager.query(
    `SELECT id, iteration, title, period_start, period_end FROM public.national_action_plan
     WHERE status <> 'DRAFT' AND (period_start IS NULL OR period_start <= $1) AND (period_end IS NULL OR period_end >= $1)
     ORDER BY iteration DESC LIMIT 1`,
    [year],
  )) as { id: string; iteration: number; title: string; period_start: number | null; period_end: number | null }[];
  return rows[0] ?? null;
}

/**
 * Take the snapshot: the plan's indicators aligned to the framework, grouped
 * by framework indicator, with their published values of the year; the
 * year's published budget lines; the published reports covering the year,
 * with their recommendations and decisions. Published data only: what is
 * handed in is what the member has made public. Deterministic order.
 */
export async function snapshotContent(
  manager: EntityManager,
  countryCode: string,
  frameworkCode: string,
  year: number,
  plan: { id: string; iteration: number; title: string; period_start: number | null; period_end: number | null },
  explanations: ReadonlyMap<string, string>,
): Promise<SubmissionContent> {
  const aligned = (await manager.query(
    `SELECT a.indicator_code, i.id, i.code, i.title, i.unit, i.baseline_value, i.baseline_year, i.target_value, i.target_year, i.is_demo
     FROM public.indicator_alignment a JOIN public.indicator i ON i.id = a.indicator_id
     WHERE i.plan_id = $1 AND a.framework_code = $2 ORDER BY a.indicator_code, i.code, i.id`,
    [plan.id, frameworkCode],
  )) as Record<string, unknown>[];
  const indicatorIds = [...new Set(aligned.map((row) => row.id as string))];
  const measurements = (await manager.query(
    `SELECT DISTINCT ON (indicator_id, period) indicator_id, period, value, version, disaggregated_values, narrative, source, is_demo
     FROM public.measurement WHERE indicator_id = ANY($1::uuid[]) AND status = 'PUBLISHED' AND left(period, 4) = $2
     ORDER BY indicator_id, period, version DESC`,
    [indicatorIds, String(year)],
  )) as Record<string, unknown>[];
  const byIndicator = new Map<string, ContentMeasurement[]>();
  for (const row of measurements) {
    const list = byIndicator.get(row.indicator_id as string) ?? [];
    list.push({
      period: row.period as string,
      value: num(row.value),
      version: Number(row.version),
      disaggregations: ((row.disaggregated_values as ContentMeasurement['disaggregations']) ?? []).map((value) => ({ dimension: value.dimension, category: value.category, value: num(value.value) })),
      narrative: (row.narrative as string | null) ?? null,
      source: (row.source as string | null) ?? null,
      isDemo: row.is_demo === true,
    });
    byIndicator.set(row.indicator_id as string, list);
  }
  const indicators = new Map<string, ContentIndicator>();
  for (const row of aligned) {
    const code = row.indicator_code as string;
    const entry = indicators.get(code) ?? { code, answered: false, explanation: null, national: [] };
    const values = byIndicator.get(row.id as string) ?? [];
    entry.national.push({
      id: row.id as string,
      code: row.code as string,
      title: row.title as string,
      unit: row.unit as string,
      baseline: { value: num(row.baseline_value), year: num(row.baseline_year) },
      target: { value: num(row.target_value), year: num(row.target_year) },
      isDemo: row.is_demo === true,
      measurements: values,
    });
    if (values.some((value) => value.value !== null || value.narrative !== null)) entry.answered = true;
    indicators.set(code, entry);
  }
  for (const entry of indicators.values()) entry.explanation = entry.answered ? null : (explanations.get(entry.code) ?? null);

  const budget = ((await manager.query(
    `SELECT b.description, p.name AS partner, b.currency, b.allocated, b.disbursed, b.spent, b.funding_source, b.is_demo
     FROM public.budget_line b LEFT JOIN public.implementing_partner p ON p.id = b.partner_id
     WHERE b.plan_id = $1 AND b.fiscal_year = $2 AND b.status = 'PUBLISHED' ORDER BY b.description, b.id`,
    [plan.id, year],
  )) as Record<string, unknown>[]).map((row) => ({
    description: row.description as string,
    partner: (row.partner as string | null) ?? null,
    currency: row.currency as string,
    allocated: Number(row.allocated),
    disbursed: Number(row.disbursed),
    spent: Number(row.spent),
    fundingSource: row.funding_source as string,
    isDemo: row.is_demo === true,
  }));
  const reportRows = (await manager.query(
    `SELECT id, kind, title, period_start, period_end, findings, is_demo FROM public.progress_report
     WHERE plan_id = $1 AND status = 'PUBLISHED' AND period_start <= $2 AND period_end >= $2 ORDER BY period_end, title, id`,
    [plan.id, year],
  )) as Record<string, unknown>[];
  const recommendations = (await manager.query(
    `SELECT report_id, text, decision, decided_on::text AS decided_on, decided_by FROM public.report_recommendation WHERE report_id = ANY($1::uuid[]) ORDER BY report_id, position, id`,
    [reportRows.map((row) => row.id as string)],
  )) as Record<string, unknown>[];
  const reports = reportRows.map((row) => ({
    id: row.id as string,
    kind: row.kind as string,
    title: row.title as string,
    periodStart: Number(row.period_start),
    periodEnd: Number(row.period_end),
    findings: row.findings as string[],
    isDemo: row.is_demo === true,
    recommendations: recommendations
      .filter((recommendation) => recommendation.report_id === row.id)
      .map((recommendation) => ({
        text: recommendation.text as string,
        decision: (recommendation.decision as string | null) ?? null,
        decidedOn: (recommendation.decided_on as string | null) ?? null,
        decidedBy: (recommendation.decided_by as string | null) ?? null,
      })),
  }));
  const list = [...indicators.values()];
  const isDemo =
    list.some((entry) => entry.national.some((national) => national.isDemo || national.measurements.some((value) => value.isDemo))) ||
    budget.some((line) => line.isDemo) ||
    reports.some((report) => report.isDemo);
  return {
    format: 'wps-submission/1',
    countryCode,
    frameworkCode,
    year,
    version: null,
    plan: { id: plan.id, iteration: plan.iteration, title: plan.title, periodStart: plan.period_start, periodEnd: plan.period_end },
    indicators: list,
    budget,
    reports,
    isDemo,
  };
}

/** Completeness of a content with the explanations given since it was taken. */
export function completenessOf(content: SubmissionContent, explanations: ReadonlyMap<string, string>) {
  const required = content.indicators.map((entry) => entry.code).sort();
  const answered = content.indicators.filter((entry) => entry.answered).map((entry) => entry.code).sort();
  const explained = content.indicators.filter((entry) => !entry.answered && explanations.has(entry.code)).map((entry) => entry.code).sort();
  const missing = required.filter((code) => !answered.includes(code) && !explained.includes(code));
  return { complete: missing.length === 0, required, answered, explained, missing };
}

/** The content with the explanations merged in (and a version number): what a locked version holds. */
export function withExplanations(content: SubmissionContent, explanations: ReadonlyMap<string, string>, version: number | null): SubmissionContent {
  return {
    ...content,
    version,
    indicators: content.indicators.map((entry) => ({ ...entry, explanation: entry.answered ? null : (explanations.get(entry.code) ?? null) })),
  };
}
