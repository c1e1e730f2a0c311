import { randomUUID } from 'node:crypto';
import { badInput, idOf, notFound, optionalText, roundShare } from '@wps/kit';
import { In, type EntityManager } from 'typeorm';
import type { IndicatorStatus } from '../common/enums.js';
import { parsePeriod } from '../common/measurement-period.js';
import type { Period } from '../common/period.type.js';
import { computeIndicatorStatus } from '../indicator/indicator-status.js';
import { IndicatorEntity } from '../indicator/indicator.entity.js';
import { lockIndicator } from '../indicator/indicator.service.js';
import type { Indicator } from '../indicator/indicator.type.js';
import { assertSecondPair } from '../member/four-eyes.js';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { lockPlan } from '../plan/plan.service.js';
import { currentVersions } from './current-versions.js';
import { columnOf, IMPORT_COLUMNS, parseMeasurementCsv, type ImportLineError } from './measurement-csv.js';
import type { MeasurementImport } from './measurement-import.type.js';
import { measurementProblems, missingForPublication, type MeasurementValues } from './measurement-rules.js';
import { MeasurementStatus } from './measurement-status.js';
import { MeasurementEntity } from './measurement.entity.js';
import type { RecordMeasurementInput } from './measurement.inputs.js';
import { toMeasurement } from './measurement.mapper.js';
import type { Measurement } from './measurement.type.js';

/** What an indicator's published values say: the latest current one, and the status rule applied to it. */
export interface IndicatorProgress {
  status: IndicatorStatus;
  /** p = (v − b) / (t − b), rounded to 4 places; null when it cannot be computed. */
  progress: number | null;
  latest: Measurement | null;
}

/**
 * The status of an indicator (the rule in indicator-status.ts) from its
 * latest published value, never a draft: the current version of the latest
 * period, up to the end of `upToYear` when given, in its plan's period.
 * Indicator.status and a member's progress on a framework both read it.
 */
export function indicatorProgress(indicator: Indicator, plan: Period, versions: readonly Measurement[], upToYear?: number): IndicatorProgress {
  const counted = versions.filter(
    (measurement) => measurement.status === MeasurementStatus.PUBLISHED && (upToYear === undefined || (parsePeriod(measurement.period)?.year ?? Infinity) <= upToYear),
  );
  const latest = currentVersions(counted).at(-1) ?? null;
  const result = computeIndicatorStatus({
    kind: indicator.kind,
    baseline: indicator.baseline?.value ?? null,
    target: indicator.target?.value ?? null,
    targetYear: indicator.target?.year ?? null,
    plan,
    latest: latest && { period: latest.period, value: latest.value, reportedStatus: latest.reportedStatus },
  });
  return { status: result.status, progress: result.progress === null ? null : roundShare(result.progress), latest };
}

/**
 * Record a value of an indicator for a period, as a DRAFT. A period that
 * already has versions gets a correction: the next version, superseding the
 * latest; stored values are never changed.
 */
export async function recordMeasurement(scope: WriteScope, input: RecordMeasurementInput): Promise<Measurement> {
  const values: MeasurementValues = {
    period: input.period.trim(),
    value: input.value ?? null,
    disaggregatedValues: (input.disaggregatedValues ?? []).map((entry) => ({ dimension: entry.dimension.trim(), category: entry.category.trim(), value: entry.value ?? null })),
    narrative: optionalText(input.narrative, 'input.narrative'),
    source: optionalText(input.source, 'input.source'),
    reportedStatus: input.reportedStatus ?? null,
  };
  return inTransaction(scope, async (manager) => {
    const { indicator, plan } = await lockIndicator(manager, input.indicatorId, 'input.indicatorId');
    const [problem] = measurementProblems(values, indicator, plan);
    if (problem) throw badInput(`input.${problem.field}`, problem.message);
    const [recorded] = await insertVersions(manager, scope, [{ indicatorId: indicator.id, values }]);
    return toMeasurement(recorded!, scope.countryCode, 'member');
  });
}

/**
 * Publish a DRAFT: only the latest version of its period, and only when
 * complete (quantitative: value and source; qualitative: narrative and
 * reported status). The one change the append-only trigger allows.
 */
export async function publishMeasurement(scope: WriteScope, id: string): Promise<Measurement> {
  return inTransaction(scope, async (manager) => {
    const found = await manager.findOneBy(MeasurementEntity, { id: idOf(id, 'id', 'measurement of this member') });
    if (!found) throw notFound('id', 'measurement of this member');
    const { indicator } = await lockIndicator(manager, found.indicatorId, 'id');
    const measurement = await manager.findOneByOrFail(MeasurementEntity, { id: found.id });
    const label = `${indicator.code} ${measurement.period} version ${measurement.version}`;
    if (measurement.status !== MeasurementStatus.DRAFT) throw badInput('id', `${label} is already published.`);
    const [{ latest }] = (await manager.query(`SELECT max(version)::int AS latest FROM measurement WHERE indicator_id = $1 AND period = $2`, [
      indicator.id,
      measurement.period,
    ])) as [{ latest: number }];
    if (measurement.version < latest) throw badInput('id', `${label} is superseded by version ${latest}: publish the latest version of the period.`);
    const missing = missingForPublication(measurement, indicator.kind);
    if (missing.length > 0) throw badInput('id', `${label} is not complete: it lacks ${missing.join(' and ')}.`, { missing });
    await assertSecondPair(manager, measurement.recordedBy, scope.actor, 'a value');
    await manager.update(MeasurementEntity, { id: measurement.id }, { status: MeasurementStatus.PUBLISHED, publishedAt: () => 'now()', publishedBy: scope.actor });
    return toMeasurement(await manager.findOneByOrFail(MeasurementEntity, { id: measurement.id }), scope.countryCode, 'member');
  });
}

/**
 * Import measurements of a plan from CSV text (MEASUREMENT_IMPORT.md): every
 * row is checked first, every problem reported with its line, and then all
 * rows are recorded (as drafts and corrections, like recordMeasurement) or,
 * if any row is wrong, none.
 */
export async function importMeasurements(scope: WriteScope, planId: string, csv: string): Promise<MeasurementImport> {
  return inTransaction(scope, async (manager) => {
    const plan = await lockPlan(manager, planId, 'planId', 'share');
    const parsed = parseMeasurementCsv(csv);
    if (parsed.unreadable) throw importRefused(parsed.errors, parsed.unreadable);

    // Every indicator of the plan, locked in id order (as recordMeasurement locks one) so versions are numbered one writer at a time.
    const indicators = await manager.find(IndicatorEntity, { where: { planId: plan.id }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
    const errors = [...parsed.errors];
    const firstLineOf = new Map<string, number>();
    const items: { indicatorId: string; values: MeasurementValues }[] = [];
    for (const row of parsed.rows) {
      if (row.failed.has('indicator_code')) continue;
      const indicator = byCode.get(row.indicatorCode);
      if (!indicator) {
        errors.push({ line: row.line, field: 'indicator_code', message: `"${row.indicatorCode}" is not the code of an indicator of this plan.` });
        continue;
      }
      for (const problem of measurementProblems(row.values, indicator, plan)) {
        const column = columnOf(problem.field);
        if (!row.failed.has(column)) errors.push({ line: row.line, field: column, message: problem.message });
      }
      const key = `${indicator.id} ${row.values.period}`;
      const earlier = firstLineOf.get(key);
      if (earlier !== undefined && !row.failed.has('period')) {
        errors.push({ line: row.line, field: 'period', message: `${indicator.code} ${row.values.period} is already on line ${earlier}: a file gives each period once.` });
      }
      firstLineOf.set(key, earlier ?? row.line);
      items.push({ indicatorId: indicator.id, values: row.values });
    }
    if (errors.length > 0) throw importRefused(errors);

    const measurements = await insertVersions(manager, scope, items);
    return { imported: measurements.length, measurements: measurements.map((row) => toMeasurement(row, scope.countryCode, 'member')) };
  });
}

/** One BAD_USER_INPUT for a whole import, summarising, with every problem in `extensions.lines`. */
function importRefused(errors: ImportLineError[], unreadable?: string) {
  const order = (field: string) => {
    const index = (IMPORT_COLUMNS as readonly string[]).indexOf(field);
    return index < 0 ? -1 : index;
  };
  const lines = [...errors].sort((a, b) => a.line - b.line || order(a.field) - order(b.field));
  const invalidRows = new Set(lines.map((error) => error.line)).size;
  const summary = unreadable
    ? `${unreadable}; nothing was imported.`
    : `${invalidRows} ${invalidRows === 1 ? 'row is' : 'rows are'} invalid; nothing was imported.`;
  return badInput('csv', summary, { lines });
}

/**
 * Insert measurements as DRAFT versions: each the next version of its
 * indicator and period, superseding the latest one (callers hold the
 * indicators' locks). Returns the stored rows in the order given.
 */
async function insertVersions(manager: EntityManager, scope: WriteScope, items: readonly { indicatorId: string; values: MeasurementValues }[]): Promise<MeasurementEntity[]> {
  if (items.length === 0) return [];
  const latest = (await manager.query(
    `SELECT DISTINCT ON (indicator_id, period) indicator_id, period, id, version
       FROM measurement WHERE indicator_id = ANY($1::uuid[]) ORDER BY indicator_id, period, version DESC`,
    [[...new Set(items.map((item) => item.indicatorId))]],
  )) as { indicator_id: string; period: string; id: string; version: number }[];
  const latestOf = new Map(latest.map((row) => [`${row.indicator_id} ${row.period}`, row]));
  const rows = items.map(({ indicatorId, values }) => {
    const previous = latestOf.get(`${indicatorId} ${values.period}`);
    return {
      id: randomUUID(),
      indicatorId,
      ...values,
      status: MeasurementStatus.DRAFT,
      isDemo: false,
      recordedBy: scope.actor,
      recordedByDisplay: scope.actorDisplay,
      version: previous ? previous.version + 1 : 1,
      supersedesId: previous?.id ?? null,
    };
  });
  await manager.insert(MeasurementEntity, rows);
  const stored = new Map((await manager.findBy(MeasurementEntity, { id: In(rows.map((row) => row.id)) })).map((row) => [row.id, row]));
  return rows.map((row) => stored.get(row.id)!);
}
