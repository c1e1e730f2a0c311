import { randomUUID } from 'node:crypto';
import { badInput, httpUrl, idOf, notFound, notNull, optionalText, partialIsoDate, referenceId, requiredText, textList } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { IndicatorKind, PublicationStatus } from '../common/enums.js';
import { parsePeriod } from '../common/measurement-period.js';
import { calendarYear, FIRST_YEAR, LAST_YEAR } from '../common/years.js';
import { unitValueProblem } from '../indicator/indicator-values.js';
import { IndicatorEntity } from '../indicator/indicator.entity.js';
import { assertSecondPair } from '../member/four-eyes.js';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { assertInsidePlan, describePlanPeriod } from '../plan/plan-period.js';
import { lockPlan } from '../plan/plan.service.js';
import { LocalActionPlanEntity } from './local-action-plan.entity.js';
import { LocalIndicatorEntity } from './local-indicator.entity.js';
import { LocalMeasurementEntity } from './local-measurement.entity.js';
import type { AddLocalIndicatorInput, CreateLocalActionPlanInput, RecordLocalMeasurementInput, UpdateLocalActionPlanInput } from './local-plan.inputs.js';
import { toLocalActionPlan, toLocalIndicator, toLocalMeasurement, unitOfKind } from './local-plan.mapper.js';
import type { LocalActionPlan, LocalIndicator, LocalMeasurement, LocalValueKind } from './local-plan.type.js';

/*
 * Local action plans (issue 13, item 4): a province, district or
 * municipality localises a national plan with a plan of its own, its own
 * indicators and values; an indicator may roll up to one national indicator
 * of the same national plan, in the same unit. The database holds the link
 * rules too (migration 1765000000000), and its audit triggers record every
 * change. A plan is a DRAFT, seen by the member only, until published.
 */

const AREA_CODE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const LOCAL_CODE = /^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$/;
const WHAT_PLAN = 'local action plan of this member';
const WHAT_INDICATOR = 'local indicator of this member';

/** Create a local plan of a national plan, as a DRAFT. */
export async function createLocalActionPlan(scope: WriteScope, planId: string, input: CreateLocalActionPlanInput): Promise<LocalActionPlan> {
  const periodStart = input.periodStart == null ? null : calendarYear(input.periodStart, 'input.periodStart');
  const periodEnd = input.periodEnd == null ? null : calendarYear(input.periodEnd, 'input.periodEnd');
  checkPeriodOrder(periodStart, periodEnd);
  const row = {
    level: input.level,
    areaName: requiredText(input.areaName, 'input.areaName', { max: 200 }),
    areaCode: areaCodeOf(input.areaCode, scope.countryCode),
    title: requiredText(input.title, 'input.title', { max: 500 }),
    periodStart,
    periodEnd,
    adoptedOn: input.adoptedOn == null || input.adoptedOn.trim() === '' ? null : partialIsoDate(input.adoptedOn, 'input.adoptedOn', FIRST_YEAR, LAST_YEAR),
    leadAuthority: optionalText(input.leadAuthority, 'input.leadAuthority', 300),
    sourceReferences: sourcesOf(input.sources ?? []),
  };
  return inTransaction(scope, async (manager) => {
    const plan = await lockPlan(manager, planId, 'planId', 'share');
    const id = randomUUID();
    await manager.insert(LocalActionPlanEntity, {
      id,
      planId: plan.id,
      ...row,
      status: PublicationStatus.DRAFT,
      demoFields: [],
      isDemo: false,
      draftedBy: scope.actor,
      publishedAt: null,
      publishedBy: null,
      createdAt: () => 'now()',
      updatedAt: () => 'now()',
    } as never);
    return toLocalActionPlan(await manager.findOneByOrFail(LocalActionPlanEntity, { id }), scope.countryCode);
  });
}

/** Change a local plan; status PUBLISHED publishes a draft (by another focal point when the member requires four eyes). */
export async function updateLocalActionPlan(scope: WriteScope, id: string, input: UpdateLocalActionPlanInput): Promise<LocalActionPlan> {
  const changes: Partial<LocalActionPlanEntity> = {};
  const areaName = notNull(input.areaName, 'input.areaName');
  if (areaName !== undefined) changes.areaName = requiredText(areaName, 'input.areaName', { max: 200 });
  if (input.areaCode !== undefined) changes.areaCode = areaCodeOf(input.areaCode, scope.countryCode);
  const title = notNull(input.title, 'input.title');
  if (title !== undefined) changes.title = requiredText(title, 'input.title', { max: 500 });
  if (input.periodStart !== undefined) changes.periodStart = input.periodStart === null ? null : calendarYear(input.periodStart, 'input.periodStart');
  if (input.periodEnd !== undefined) changes.periodEnd = input.periodEnd === null ? null : calendarYear(input.periodEnd, 'input.periodEnd');
  if (input.adoptedOn !== undefined) {
    changes.adoptedOn = input.adoptedOn === null || input.adoptedOn.trim() === '' ? null : partialIsoDate(input.adoptedOn, 'input.adoptedOn', FIRST_YEAR, LAST_YEAR);
  }
  if (input.leadAuthority !== undefined) changes.leadAuthority = optionalText(input.leadAuthority, 'input.leadAuthority', 300);
  const sources = notNull(input.sources, 'input.sources');
  if (sources !== undefined) changes.sourceReferences = sourcesOf(sources);
  const status = notNull(input.status, 'input.status');
  if (Object.keys(changes).length === 0 && status === undefined) throw badInput('input', 'Give at least one field to change.');

  return inTransaction(scope, async (manager) => {
    const local = await lockLocalPlan(manager, id, 'id', 'update');
    const periodStart = changes.periodStart !== undefined ? changes.periodStart : local.periodStart;
    const periodEnd = changes.periodEnd !== undefined ? changes.periodEnd : local.periodEnd;
    checkPeriodOrder(periodStart, periodEnd, input.periodEnd !== undefined ? 'input.periodEnd' : 'input.periodStart');
    if (changes.periodStart !== undefined || changes.periodEnd !== undefined) await checkDatedItemsStayInside(manager, local.id, periodStart, periodEnd);
    if (status === PublicationStatus.DRAFT && local.status === PublicationStatus.PUBLISHED) {
      throw badInput('input.status', `The local plan "${local.title}" is published and stays published.`);
    }
    if (status === PublicationStatus.PUBLISHED && local.status === PublicationStatus.DRAFT) {
      await assertSecondPair(manager, local.draftedBy, scope.actor, 'a local action plan');
      Object.assign(changes, { status: PublicationStatus.PUBLISHED, publishedAt: () => 'now()', publishedBy: scope.actor });
    }
    await manager.update(LocalActionPlanEntity, { id: local.id }, { ...changes, updatedAt: () => 'now()' } as never);
    return toLocalActionPlan(await manager.findOneByOrFail(LocalActionPlanEntity, { id: local.id }), scope.countryCode);
  });
}

/** Add an indicator to a local plan, rolling up (optionally) to a national indicator of the same national plan in the same unit. */
export async function addLocalIndicator(scope: WriteScope, localPlanId: string, input: AddLocalIndicatorInput): Promise<LocalIndicator> {
  const code = requiredText(input.code, 'input.code');
  if (!LOCAL_CODE.test(code)) throw badInput('input.code', `"${code}" is not a code: use up to 32 letters, digits, dots and hyphens, starting with a letter or digit.`);
  const title = requiredText(input.title, 'input.title', { max: 500 });
  const target = notNull(input.target, 'input.target');
  if (target !== undefined) {
    const problem = unitValueProblem(unitOfKind(input.valueKind), target.value);
    if (problem) throw badInput('input.target.value', `The target ${problem}`);
  }
  const targetYear = target?.year == null ? null : calendarYear(target.year, 'input.target.year');
  const nationalIndicatorId = input.nationalIndicatorId == null ? null : referenceId(input.nationalIndicatorId, 'input.nationalIndicatorId');

  return inTransaction(scope, async (manager) => {
    const local = await lockLocalPlan(manager, localPlanId, 'localPlanId', 'share');
    if (targetYear !== null) assertInsidePlan(local, targetYear, targetYear, 'input.target.year', `The target year ${targetYear}`);
    if (nationalIndicatorId !== null) await assertRollsUpTo(manager, nationalIndicatorId, local, input.valueKind);
    const id = randomUUID();
    const position = await manager.countBy(LocalIndicatorEntity, { localPlanId: local.id });
    await manager.insert(LocalIndicatorEntity, {
      id,
      localPlanId: local.id,
      code,
      title,
      valueKind: input.valueKind,
      targetValue: target?.value ?? null,
      targetYear,
      nationalIndicatorId,
      position,
      isDemo: false,
    });
    return toLocalIndicator(await manager.findOneByOrFail(LocalIndicatorEntity, { id }));
  });
}

/** Record the value of a local indicator for a period inside its local plan's period; one value per period. */
export async function recordLocalMeasurement(scope: WriteScope, localIndicatorId: string, input: RecordLocalMeasurementInput): Promise<LocalMeasurement> {
  const period = input.period.trim();
  const parsed = parsePeriod(period);
  if (!parsed) throw badInput('input.period', `"${input.period}" is not a period: use 2023, 2023-H1, 2023-Q2 or 2023-06.`);
  return inTransaction(scope, async (manager) => {
    const indicator = await manager.findOne(LocalIndicatorEntity, { where: { id: idOf(localIndicatorId, 'localIndicatorId', WHAT_INDICATOR) }, lock: { mode: 'pessimistic_read' } });
    if (!indicator) throw notFound('localIndicatorId', WHAT_INDICATOR);
    const local = await lockLocalPlan(manager, indicator.localPlanId, 'localIndicatorId', 'share');
    assertInsidePlan(local, parsed.year, parsed.year, 'input.period', `The period ${period}`);
    const problem = unitValueProblem(unitOfKind(indicator.valueKind), input.value);
    if (problem) throw badInput('input.value', `The value ${problem}`);
    const id = randomUUID();
    await manager.insert(LocalMeasurementEntity, { id, localIndicatorId: indicator.id, period, value: input.value, isDemo: false, recordedBy: scope.actor, recordedAt: () => 'now()' } as never);
    return toLocalMeasurement(await manager.findOneByOrFail(LocalMeasurementEntity, { id }));
  });
}

async function lockLocalPlan(manager: EntityManager, id: string, field: string, mode: 'share' | 'update'): Promise<LocalActionPlanEntity> {
  const local = await manager.findOne(LocalActionPlanEntity, {
    where: { id: idOf(id, field, WHAT_PLAN) },
    lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
  });
  if (!local) throw notFound(field, WHAT_PLAN);
  return local;
}

/** The national indicator must be of the local plan's own national plan, quantitative, in the unit of the local value kind. */
async function assertRollsUpTo(manager: EntityManager, nationalIndicatorId: string, local: LocalActionPlanEntity, kind: LocalValueKind): Promise<void> {
  const field = 'input.nationalIndicatorId';
  const national = await manager.findOne(IndicatorEntity, { where: { id: nationalIndicatorId }, lock: { mode: 'pessimistic_read' } });
  if (!national) throw notFound(field, 'indicator of this member');
  if (national.planId !== local.planId) throw badInput(field, `Indicator ${national.code} belongs to another national plan: a local indicator rolls up only to an indicator of the plan its local plan localises.`);
  const unit = unitOfKind(kind);
  if (national.kind !== IndicatorKind.QUANTITATIVE || national.unit.trim().toLowerCase() !== unit) {
    throw badInput(field, `Indicator ${national.code} is ${national.kind === IndicatorKind.QUANTITATIVE ? `in "${national.unit}"` : 'qualitative'}: a ${kind} local indicator rolls up only to a quantitative indicator in "${unit}".`);
  }
}

/** An ISO 3166-2-shaped code of an area of this member ("KE-01"), or null. */
function areaCodeOf(value: string | null | undefined, countryCode: string): string | null {
  const code = optionalText(value, 'input.areaCode');
  if (code === null) return null;
  if (!AREA_CODE.test(code) || !code.startsWith(`${countryCode}-`)) {
    throw badInput('input.areaCode', `"${code}" is not an ISO 3166-2 code of an area of ${countryCode}: use ${countryCode}- and 1 to 3 capital letters or digits, e.g. "${countryCode}-01".`);
  }
  return code;
}

function sourcesOf(values: readonly string[]): string[] {
  return textList(values, 'input.sources').map((url, index) => httpUrl(url, `input.sources[${index}]`));
}

function checkPeriodOrder(start: number | null, end: number | null, field = 'input.periodEnd'): void {
  if (start !== null && end !== null && end < start) throw badInput(field, `The local plan period cannot end (${end}) before it starts (${start}).`);
}

/** A new period must still contain the local plan's values and targets (one statement). */
async function checkDatedItemsStayInside(manager: EntityManager, localPlanId: string, start: number | null, end: number | null): Promise<void> {
  const [span] = (await manager.query(
    `SELECT min(y)::int AS first, max(y)::int AS last FROM (
       SELECT left(m.period, 4)::int AS y FROM public.local_measurement m JOIN public.local_indicator i ON i.id = m.local_indicator_id WHERE i.local_plan_id = $1
       UNION ALL
       SELECT target_year FROM public.local_indicator WHERE local_plan_id = $1 AND target_year IS NOT NULL
     ) dated`,
    [localPlanId],
  )) as { first: number | null; last: number | null }[];
  if (!span || span.first === null || span.last === null) return;
  const period = describePlanPeriod({ periodStart: start, periodEnd: end });
  if (start === null || span.first < start) throw badInput('input.periodStart', `The local plan has values or targets from ${span.first}, outside ${period}.`);
  if (end !== null && span.last > end) throw badInput('input.periodEnd', `The local plan has values or targets up to ${span.last}, outside ${period}.`);
}
