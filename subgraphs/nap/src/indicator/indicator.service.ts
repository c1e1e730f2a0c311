import { randomUUID } from 'node:crypto';
import { badInput, idOf, notFound, notNull, optionalText, referenceId, requiredText, textList, yearBetween } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { IndicatorKind, IndicatorLevel } from '../common/enums.js';
import { LAST_YEAR } from '../common/years.js';
import { nextPosition } from '../logframe/logframe.service.js';
import { OutcomeEntity } from '../logframe/outcome.entity.js';
import { OutputEntity } from '../logframe/output.entity.js';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { assertPartnerOfPlan } from '../partner/partner.service.js';
import type { NationalActionPlanEntity } from '../plan/plan.entity.js';
import { lockPlan } from '../plan/plan.service.js';
import { IndicatorAlignmentEntity } from './alignment.entity.js';
import { unitValueProblem } from './indicator-values.js';
import { IndicatorEntity } from './indicator.entity.js';
import type { AlignmentInput, BenchmarkInput, CreateIndicatorInput, UpdateIndicatorInput } from './indicator.inputs.js';
import { toIndicator } from './indicator.mapper.js';
import type { Indicator } from './indicator.type.js';

/**
 * Add an indicator to a plan: linked to an outcome (OUTCOME level) or an
 * output (OUTPUT level) of the same plan, benchmarks in its unit (numbers
 * for quantitative indicators only), alignments well formed and distinct.
 */
export async function createIndicator(scope: WriteScope, planId: string, input: CreateIndicatorInput): Promise<Indicator> {
  const code = requiredText(input.code, 'input.code');
  const title = requiredText(input.title, 'input.title');
  const unit = requiredText(input.unit, 'input.unit');
  const benchmarks = benchmarksOf(input.kind, unit, input.baseline ?? null, input.target ?? null);
  const disaggregation = textList(input.disaggregation ?? [], 'input.disaggregation');
  const alignments = alignmentsOf(input.alignments ?? [], 'input.alignments');
  return inTransaction(scope, async (manager) => {
    const plan = await lockPlan(manager, planId, 'planId', 'share');
    const links = await linksOf(manager, plan.id, input.level, input.outcomeId ?? null, input.outputId ?? null);
    const responsiblePartnerId = input.responsiblePartnerId ?? null;
    if (responsiblePartnerId !== null) await assertPartnerOfPlan(manager, responsiblePartnerId, plan.id, 'input.responsiblePartnerId');
    const id = randomUUID();
    await manager.insert(IndicatorEntity, {
      id,
      planId: plan.id,
      code,
      title,
      unit,
      position: await nextPosition(manager, 'indicator', 'plan_id', plan.id),
      ...benchmarks,
      isDemo: false,
      level: input.level,
      kind: input.kind,
      ...links,
      disaggregation,
      dataSource: optionalText(input.dataSource, 'input.dataSource'),
      frequency: input.frequency ?? null,
      responsiblePartnerId,
    });
    await replaceAlignments(manager, id, alignments);
    return toIndicator(await manager.findOneByOrFail(IndicatorEntity, { id }), scope.countryCode);
  });
}

/**
 * Change the fields of an indicator that are given, checked as on creation
 * against the values kept; `alignments` replaces the set. Its measurements
 * are append-only, so an indicator that has some keeps its kind, and a new
 * unit must fit their values.
 */
export async function updateIndicator(scope: WriteScope, id: string, input: UpdateIndicatorInput): Promise<Indicator> {
  const changes: Partial<IndicatorEntity> = {};
  const code = notNull(input.code, 'input.code');
  if (code !== undefined) changes.code = requiredText(code, 'input.code');
  const title = notNull(input.title, 'input.title');
  if (title !== undefined) changes.title = requiredText(title, 'input.title');
  const unit = notNull(input.unit, 'input.unit');
  if (unit !== undefined) changes.unit = requiredText(unit, 'input.unit');
  const kind = notNull(input.kind, 'input.kind');
  const level = notNull(input.level, 'input.level');
  const disaggregation = notNull(input.disaggregation, 'input.disaggregation');
  if (disaggregation !== undefined) changes.disaggregation = textList(disaggregation, 'input.disaggregation');
  if (input.dataSource !== undefined) changes.dataSource = optionalText(input.dataSource, 'input.dataSource');
  if (input.frequency !== undefined) changes.frequency = input.frequency;
  const alignmentInputs = notNull(input.alignments, 'input.alignments');
  const alignments = alignmentInputs === undefined ? undefined : alignmentsOf(alignmentInputs, 'input.alignments');

  return inTransaction(scope, async (manager) => {
    const { indicator, plan } = await lockIndicator(manager, id, 'id');
    if (kind !== undefined || changes.unit !== undefined || input.baseline !== undefined || input.target !== undefined) {
      const current = toIndicator(indicator, scope.countryCode);
      const baseline = input.baseline !== undefined ? input.baseline : current.baseline;
      const target = input.target !== undefined ? input.target : current.target;
      Object.assign(changes, benchmarksOf(kind ?? indicator.kind, changes.unit ?? indicator.unit, baseline, target));
      if (kind !== undefined && kind !== indicator.kind) await refuseKindChangeWithMeasurements(manager, indicator);
      if (kind !== undefined) changes.kind = kind;
      if (changes.unit !== undefined && changes.unit !== indicator.unit) await checkMeasurementsFitUnit(manager, indicator, changes.unit);
      await refuseChangeUnderLocalRollUp(manager, indicator, kind ?? indicator.kind, changes.unit ?? indicator.unit, kind !== undefined && kind !== indicator.kind ? 'input.kind' : 'input.unit');
    }
    if (level !== undefined || input.outcomeId !== undefined || input.outputId !== undefined) {
      const newLevel = level ?? indicator.level;
      // Moving to the other level drops the link that no longer applies unless it is given.
      const outcomeId = input.outcomeId !== undefined ? input.outcomeId : newLevel === IndicatorLevel.OUTCOME ? indicator.outcomeId : null;
      const outputId = input.outputId !== undefined ? input.outputId : newLevel === IndicatorLevel.OUTPUT ? indicator.outputId : null;
      Object.assign(changes, { level: newLevel, ...(await linksOf(manager, plan.id, newLevel, outcomeId, outputId)) });
    }
    if (input.responsiblePartnerId !== undefined) {
      if (input.responsiblePartnerId !== null) await assertPartnerOfPlan(manager, input.responsiblePartnerId, plan.id, 'input.responsiblePartnerId');
      changes.responsiblePartnerId = input.responsiblePartnerId;
    }
    if (Object.keys(changes).length > 0) await manager.update(IndicatorEntity, { id: indicator.id }, changes);
    if (alignments) await replaceAlignments(manager, indicator.id, alignments);
    return toIndicator(await manager.findOneByOrFail(IndicatorEntity, { id: indicator.id }), scope.countryCode);
  });
}

/** Replace the framework indicators a national indicator counts towards. */
export async function setIndicatorAlignments(scope: WriteScope, indicatorId: string, alignmentInputs: readonly AlignmentInput[]): Promise<Indicator> {
  const alignments = alignmentsOf(alignmentInputs, 'alignments');
  return inTransaction(scope, async (manager) => {
    const { indicator } = await lockIndicator(manager, indicatorId, 'indicatorId');
    await replaceAlignments(manager, indicator.id, alignments);
    return toIndicator(indicator, scope.countryCode);
  });
}

/**
 * The indicator named by an id, with its plan: the plan share-locked first
 * (its period must not change meanwhile), then the indicator locked for
 * update, so writes of one indicator's measurements run one at a time.
 */
export async function lockIndicator(manager: EntityManager, id: string, field: string): Promise<{ indicator: IndicatorEntity; plan: NationalActionPlanEntity }> {
  const found = await manager.findOneBy(IndicatorEntity, { id: idOf(id, field, 'indicator of this member') });
  if (!found) throw notFound(field, 'indicator of this member');
  const plan = await lockPlan(manager, found.planId, field, 'share');
  const indicator = await manager.findOneOrFail(IndicatorEntity, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
  return { indicator, plan };
}

/** The framework's own code shape, the same as the database CHECK. */
const ALIGNMENT_CODE = /^[A-Z0-9][A-Z0-9.-]{0,31}$/;

/** Alignments well formed and without repeats; BAD_USER_INPUT names the entry (`field[i]`). */
function alignmentsOf(alignments: readonly AlignmentInput[], field: string): Pick<IndicatorAlignmentEntity, 'frameworkCode' | 'indicatorCode'>[] {
  const seen = new Set<string>();
  return alignments.map((alignment, index) => {
    const indicatorCode = alignment.indicatorCode.trim();
    if (!ALIGNMENT_CODE.test(indicatorCode)) {
      throw badInput(
        `${field}[${index}].indicatorCode`,
        `"${alignment.indicatorCode}" is not a framework indicator code: use up to 32 capital letters, digits, dots and hyphens, starting with a letter or digit (e.g. "AU-PAR-1").`,
      );
    }
    const key = `${alignment.frameworkCode} ${indicatorCode}`;
    if (seen.has(key)) throw badInput(`${field}[${index}]`, `${field} lists ${key} twice.`);
    seen.add(key);
    return { frameworkCode: alignment.frameworkCode, indicatorCode };
  });
}

async function replaceAlignments(manager: EntityManager, indicatorId: string, alignments: readonly Pick<IndicatorAlignmentEntity, 'frameworkCode' | 'indicatorCode'>[]): Promise<void> {
  await manager.delete(IndicatorAlignmentEntity, { indicatorId });
  if (alignments.length > 0) await manager.insert(IndicatorAlignmentEntity, alignments.map((alignment) => ({ indicatorId, ...alignment })));
}

type Benchmarks = Pick<IndicatorEntity, 'baselineValue' | 'baselineYear' | 'targetValue' | 'targetYear'>;

/** A baseline may be older than the plans the hub holds. */
const FIRST_BENCHMARK_YEAR = 1900;

/** Baseline and target: numbers in the indicator's unit, for quantitative indicators only. */
function benchmarksOf(kind: IndicatorKind, unit: string, baseline: BenchmarkInput | null, target: BenchmarkInput | null): Benchmarks {
  const check = (name: 'baseline' | 'target', benchmark: BenchmarkInput | null) => {
    if (benchmark === null) return { value: null, year: null };
    if (kind === IndicatorKind.QUALITATIVE) {
      throw badInput(`input.${name}`, `A qualitative indicator has no numeric ${name}: its status is what its reporter gives (set ${name} to null).`);
    }
    const problem = unitValueProblem(unit, benchmark.value);
    if (problem) throw badInput(`input.${name}.value`, `The ${name} ${problem}`);
    const year = benchmark.year == null ? null : yearBetween(benchmark.year, `input.${name}.year`, FIRST_BENCHMARK_YEAR, LAST_YEAR);
    return { value: benchmark.value, year };
  };
  const base = check('baseline', baseline);
  const goal = check('target', target);
  return { baselineValue: base.value, baselineYear: base.year, targetValue: goal.value, targetYear: goal.year };
}

/** What an indicator measures: an outcome of the plan (OUTCOME level) or an output of the plan (OUTPUT level), never both. */
async function linksOf(
  manager: EntityManager,
  planId: string,
  level: IndicatorLevel,
  outcomeId: string | null,
  outputId: string | null,
): Promise<Pick<IndicatorEntity, 'outcomeId' | 'outputId'>> {
  if (level === IndicatorLevel.OUTCOME) {
    if (outputId !== null) throw badInput('input.outputId', 'An OUTCOME-level indicator measures an outcome: leave input.outputId out.');
    if (outcomeId === null) throw badInput('input.outcomeId', 'An OUTCOME-level indicator must name the outcome it measures (input.outcomeId).');
    const outcome = await manager.findOneBy(OutcomeEntity, { id: referenceId(outcomeId, 'input.outcomeId') });
    if (!outcome || outcome.planId !== planId) throw badInput('input.outcomeId', 'input.outcomeId is not an outcome of this plan.');
    return { outcomeId: outcome.id, outputId: null };
  }
  if (outcomeId !== null) throw badInput('input.outcomeId', 'An OUTPUT-level indicator measures an output: leave input.outcomeId out.');
  if (outputId === null) throw badInput('input.outputId', 'An OUTPUT-level indicator must name the output it measures (input.outputId).');
  const output = await manager.findOneBy(OutputEntity, { id: referenceId(outputId, 'input.outputId') });
  const outcome = output && (await manager.findOneBy(OutcomeEntity, { id: output.outcomeId }));
  if (!output || !outcome || outcome.planId !== planId) throw badInput('input.outputId', 'input.outputId is not an output of this plan.');
  return { outcomeId: null, outputId: output.id };
}

/*
 * An indicator's measurements are append-only, so changing the indicator
 * must fit them. Measurements are a concept above indicators: these checks
 * read their table, and import nothing of it.
 */

/** An indicator that has measurements keeps its kind. */
async function refuseKindChangeWithMeasurements(manager: EntityManager, indicator: IndicatorEntity): Promise<void> {
  const [{ measured }] = (await manager.query('SELECT EXISTS (SELECT 1 FROM measurement WHERE indicator_id = $1) AS measured', [indicator.id])) as [{ measured: boolean }];
  if (measured) {
    throw badInput('input.kind', `Indicator ${indicator.code} already has measurements as a ${indicator.kind.toLowerCase()} indicator; its kind cannot change.`);
  }
}

/**
 * Local indicators that roll up to this one (local-plan/) fix its kind and
 * unit: a count rolls up to a quantitative indicator in `number`, a
 * percentage to one in `%`. The member's database holds the same rule (a
 * trigger of migration 1765000000000); checked here first, so the client
 * gets BAD_USER_INPUT naming the field rather than the trigger's refusal.
 */
async function refuseChangeUnderLocalRollUp(manager: EntityManager, indicator: IndicatorEntity, kind: string, unit: string, field: string): Promise<void> {
  const [{ linked }] = (await manager.query(
    `SELECT count(*)::int AS linked FROM local_indicator li
      WHERE li.national_indicator_id = $1
        AND ($2 <> 'QUANTITATIVE' OR lower(btrim($3)) <> CASE li.value_kind WHEN 'COUNT' THEN 'number' WHEN 'PERCENTAGE' THEN '%' END)`,
    [indicator.id, kind, unit],
  )) as [{ linked: number }];
  if (linked > 0) {
    throw badInput(field, `${linked} local indicator${linked === 1 ? '' : 's'} roll up to indicator ${indicator.code}: its kind and unit stay as they are (a count in "number", a percentage in "%").`);
  }
}

/** A new unit must fit every value already recorded. */
async function checkMeasurementsFitUnit(manager: EntityManager, indicator: IndicatorEntity, unit: string): Promise<void> {
  const measurements = (await manager.query(
    'SELECT period, version, value::float8 AS value, disaggregated_values AS "disaggregatedValues" FROM measurement WHERE indicator_id = $1 ORDER BY period, version',
    [indicator.id],
  )) as { period: string; version: number; value: number | null; disaggregatedValues: { value: number | null }[] }[];
  for (const measurement of measurements) {
    const values = [measurement.value, ...measurement.disaggregatedValues.map((entry) => entry.value)].filter((value): value is number => value !== null);
    const problem = values.map((value) => unitValueProblem(unit, Number(value))).find((found) => found !== null);
    if (problem) throw badInput('input.unit', `Measurement ${measurement.period} (version ${measurement.version}) does not fit unit "${unit}": ${problem}`);
  }
}
