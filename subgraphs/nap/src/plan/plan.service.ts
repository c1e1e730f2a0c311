import { randomUUID } from 'node:crypto';
import { badInput, distinct, httpUrl, idOf, languageTag, notFound, notNull, optionalText, partialIsoDate, requiredText, textList } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { Pillar } from '../common/enums.js';
import { calendarYear, LAST_YEAR } from '../common/years.js';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { PlanDocumentEntity } from './plan-document.entity.js';
import { NationalActionPlanEntity } from './plan.entity.js';
import type { CreateActionPlanInput, FactSourcesInput, PlanDocumentInput, PlanReportingCadenceInput, UpdateActionPlanInput } from './plan.inputs.js';
import { toPlan } from './plan.mapper.js';
import type { NationalActionPlan } from './plan.type.js';

/** Adoption dates may be as old as this (plans before the hub's own bounds are history). */
const FIRST_ADOPTION_YEAR = 1900;

/**
 * The plan named by an id argument, locked for the rest of the transaction:
 * `share` for writes under the plan (they rely on its period and pillars not
 * changing meanwhile), `update` for a change to the plan itself.
 */
export async function lockPlan(manager: EntityManager, id: string, field: string, mode: 'share' | 'update'): Promise<NationalActionPlanEntity> {
  const plan = await manager.findOne(NationalActionPlanEntity, {
    where: { id: idOf(id, field, 'action plan of this member') },
    lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
  });
  if (!plan) throw notFound(field, 'action plan of this member');
  return plan;
}

/** Create a plan of this member: its iteration unique, its period in order, its documents and sources checked. */
export async function createActionPlan(scope: WriteScope, input: CreateActionPlanInput): Promise<NationalActionPlan> {
  const periodStart = input.periodStart == null ? null : calendarYear(input.periodStart, 'input.periodStart');
  const periodEnd = input.periodEnd == null ? null : calendarYear(input.periodEnd, 'input.periodEnd');
  checkPeriodOrder(periodStart, periodEnd, 'input.periodEnd');
  const row: Omit<
    NationalActionPlanEntity,
    'id' | 'createdAt' | 'updatedAt' | 'costedEstimate' | 'costedEstimateCurrency' | 'costedEstimateSource' | 'reportingCadence' | 'reportingCadenceNote' | 'reportingCadenceSources'
  > = {
    iteration: iterationOf(input.iteration),
    title: requiredText(input.title, 'input.title'),
    periodStart,
    periodEnd,
    status: input.status,
    adoptedOn: input.adoptedOn == null ? null : partialIsoDate(input.adoptedOn, 'input.adoptedOn', FIRST_ADOPTION_YEAR, LAST_YEAR),
    adoptionInstrument: optionalText(input.adoptionInstrument, 'input.adoptionInstrument'),
    leadAgency: optionalText(input.leadAgency, 'input.leadAgency'),
    focus: input.focus ?? null,
    pillars: distinct(input.pillars ?? []),
    nationalPillars: nationalPillarsOf(input.nationalPillars ?? []),
    coordinationMechanism: optionalText(input.coordinationMechanism, 'input.coordinationMechanism'),
    csosInCoordinationBody: input.civilSocietyInCoordinationBody ?? null,
    civilSocietyRoles: distinct(input.civilSocietyRoles ?? []),
    baselineStudy: input.baselineStudy ?? null,
    costed: input.costed ?? null,
    earmarked: input.earmarked ?? null,
    ...sourcesOf(input.sources ?? { references: [], verified: true }),
    demoFields: [],
  };
  const documents = documentsOf(input.documents ?? []);
  return inTransaction(scope, async (manager) => {
    const id = randomUUID();
    await manager.insert(NationalActionPlanEntity, { id, ...row });
    await replaceDocuments(manager, id, documents);
    return toPlan(await manager.findOneByOrFail(NationalActionPlanEntity, { id }), scope.countryCode);
  });
}

/**
 * Change the fields of a plan that are given (null clears an optional one;
 * `documents` replaces the list). A new period must still contain what is
 * already dated in the plan, and national pillars in use stay.
 */
export async function updateActionPlan(scope: WriteScope, id: string, input: UpdateActionPlanInput): Promise<NationalActionPlan> {
  const changes: Partial<NationalActionPlanEntity> = {};
  const iteration = notNull(input.iteration, 'input.iteration');
  if (iteration !== undefined) changes.iteration = iterationOf(iteration);
  const title = notNull(input.title, 'input.title');
  if (title !== undefined) changes.title = requiredText(title, 'input.title');
  if (input.periodStart !== undefined) changes.periodStart = input.periodStart === null ? null : calendarYear(input.periodStart, 'input.periodStart');
  if (input.periodEnd !== undefined) changes.periodEnd = input.periodEnd === null ? null : calendarYear(input.periodEnd, 'input.periodEnd');
  const status = notNull(input.status, 'input.status');
  if (status !== undefined) changes.status = status;
  if (input.adoptedOn !== undefined) changes.adoptedOn = input.adoptedOn === null ? null : partialIsoDate(input.adoptedOn, 'input.adoptedOn', FIRST_ADOPTION_YEAR, LAST_YEAR);
  if (input.adoptionInstrument !== undefined) changes.adoptionInstrument = optionalText(input.adoptionInstrument, 'input.adoptionInstrument');
  if (input.leadAgency !== undefined) changes.leadAgency = optionalText(input.leadAgency, 'input.leadAgency');
  if (input.focus !== undefined) changes.focus = input.focus;
  const pillars = notNull(input.pillars, 'input.pillars');
  if (pillars !== undefined) changes.pillars = distinct(pillars);
  const nationalPillars = notNull(input.nationalPillars, 'input.nationalPillars');
  if (nationalPillars !== undefined) changes.nationalPillars = nationalPillarsOf(nationalPillars);
  if (input.coordinationMechanism !== undefined) changes.coordinationMechanism = optionalText(input.coordinationMechanism, 'input.coordinationMechanism');
  if (input.civilSocietyInCoordinationBody !== undefined) changes.csosInCoordinationBody = input.civilSocietyInCoordinationBody;
  const roles = notNull(input.civilSocietyRoles, 'input.civilSocietyRoles');
  if (roles !== undefined) changes.civilSocietyRoles = distinct(roles);
  if (input.baselineStudy !== undefined) changes.baselineStudy = input.baselineStudy;
  if (input.costed !== undefined) changes.costed = input.costed;
  if (input.earmarked !== undefined) changes.earmarked = input.earmarked;
  const sources = notNull(input.sources, 'input.sources');
  if (sources !== undefined) Object.assign(changes, sourcesOf(sources));
  if (input.reportingCadence !== undefined) Object.assign(changes, reportingCadenceOf(input.reportingCadence));
  const documentInputs = notNull(input.documents, 'input.documents');
  const documents = documentInputs === undefined ? undefined : documentsOf(documentInputs);

  return inTransaction(scope, async (manager) => {
    const plan = await lockPlan(manager, id, 'id', 'update');
    const periodStart = changes.periodStart !== undefined ? changes.periodStart : plan.periodStart;
    const periodEnd = changes.periodEnd !== undefined ? changes.periodEnd : plan.periodEnd;
    checkPeriodOrder(periodStart, periodEnd, input.periodEnd !== undefined ? 'input.periodEnd' : 'input.periodStart');
    if (changes.periodStart !== undefined || changes.periodEnd !== undefined) await checkDatedItemsStayInside(manager, plan.id, periodStart, periodEnd);
    if (changes.nationalPillars) await checkNationalPillarsInUse(manager, plan.id, changes.nationalPillars);
    // The member's own cadence is no demo value.
    if (input.reportingCadence !== undefined) changes.demoFields = plan.demoFields.filter((field) => field !== 'reportingCadence');
    await manager.update(NationalActionPlanEntity, { id: plan.id }, changes);
    if (documents) await replaceDocuments(manager, plan.id, documents);
    return toPlan(await manager.findOneByOrFail(NationalActionPlanEntity, { id: plan.id }), scope.countryCode);
  });
}

function iterationOf(value: number): number {
  if (!Number.isInteger(value) || value < 1) throw badInput('input.iteration', `input.iteration must be 1 or more, got ${value}.`);
  return value;
}

/** National pillars are the plan's own words, distinct from the four (an outcome names one or the other). */
function nationalPillarsOf(values: readonly string[]): string[] {
  const pillars = textList(values, 'input.nationalPillars');
  const standard = pillars.find((pillar) => PILLARS.has(pillar));
  if (standard) throw badInput('input.nationalPillars', `"${standard}" is one of the four pillars; list it in input.pillars.`);
  return pillars;
}

function checkPeriodOrder(start: number | null, end: number | null, field: string): void {
  if (start !== null && end !== null && end < start) throw badInput(field, `The plan period cannot end (${end}) before it starts (${start}).`);
}

/** A plan's own reporting cadence, or none (null clears it with its note and sources). */
function reportingCadenceOf(input: PlanReportingCadenceInput | null): Pick<NationalActionPlanEntity, 'reportingCadence' | 'reportingCadenceNote' | 'reportingCadenceSources'> {
  if (input === null) return { reportingCadence: null, reportingCadenceNote: null, reportingCadenceSources: [] };
  return {
    reportingCadence: input.cadence,
    reportingCadenceNote: optionalText(input.note, 'input.reportingCadence.note', 1000),
    reportingCadenceSources: textList(input.sources ?? [], 'input.reportingCadence.sources'),
  };
}

function sourcesOf(input: FactSourcesInput): Pick<NationalActionPlanEntity, 'sourceReferences' | 'sourceNote' | 'sourceConflict' | 'verified'> {
  return {
    sourceReferences: textList(input.references, 'input.sources.references'),
    sourceNote: optionalText(input.note, 'input.sources.note'),
    sourceConflict: optionalText(input.conflict, 'input.sources.conflict'),
    verified: input.verified ?? true,
  };
}

type DocumentRow = Omit<PlanDocumentEntity, 'id' | 'planId'>;

function documentsOf(inputs: readonly PlanDocumentInput[]): DocumentRow[] {
  return inputs.map((document, index) => {
    const field = `input.documents[${index}]`;
    const url = optionalText(document.url, `${field}.url`);
    const language = optionalText(document.language, `${field}.language`);
    return {
      title: requiredText(document.title, `${field}.title`),
      url: url ? httpUrl(url, `${field}.url`) : null,
      kind: document.kind,
      language: language ? languageTag(language, `${field}.language`) : null,
      position: index,
    };
  });
}

async function replaceDocuments(manager: EntityManager, planId: string, documents: readonly DocumentRow[]): Promise<void> {
  await manager.delete(PlanDocumentEntity, { planId });
  if (documents.length > 0) await manager.insert(PlanDocumentEntity, documents.map((document) => ({ id: randomUUID(), planId, ...document })));
}

/** A new period must still contain what is already dated inside the plan (one statement for all kinds). */
async function checkDatedItemsStayInside(manager: EntityManager, planId: string, start: number | null, end: number | null): Promise<void> {
  const spans = (await manager.query(
    `SELECT kind, min(first_year)::int AS first, max(last_year)::int AS last FROM (
       SELECT 'measurements' AS kind, left(m.period, 4)::int AS first_year, left(m.period, 4)::int AS last_year
         FROM measurement m JOIN indicator i ON i.id = m.indicator_id WHERE i.plan_id = $1
       UNION ALL
       SELECT 'activities', extract(year FROM coalesce(a.starts_on, a.ends_on))::int, extract(year FROM coalesce(a.ends_on, a.starts_on))::int
         FROM activity a JOIN output o ON o.id = a.output_id JOIN outcome c ON c.id = o.outcome_id
         WHERE c.plan_id = $1 AND (a.starts_on IS NOT NULL OR a.ends_on IS NOT NULL)
       UNION ALL
       SELECT 'progress reports', period_start, period_end FROM progress_report WHERE plan_id = $1
       UNION ALL
       SELECT 'budget lines', fiscal_year, fiscal_year FROM budget_line WHERE plan_id = $1
     ) dated GROUP BY kind ORDER BY kind`,
    [planId],
  )) as { kind: string; first: number; last: number }[];
  for (const span of spans) {
    if (start === null) throw badInput('input.periodStart', `The plan has ${span.kind} (${span.first}–${span.last}); its start year cannot become unknown.`);
    if (span.first < start) throw badInput('input.periodStart', `The plan has ${span.kind} from ${span.first}, before ${start}.`);
    if (end !== null && span.last > end) throw badInput('input.periodEnd', `The plan has ${span.kind} up to ${span.last}, after ${end}.`);
  }
}

const PILLARS = new Set<string>(Object.values(Pillar));

/** Outcomes name national pillars by their text: one still in use cannot be removed. */
async function checkNationalPillarsInUse(manager: EntityManager, planId: string, nationalPillars: readonly string[]): Promise<void> {
  const used = (await manager.query(`SELECT DISTINCT pillar FROM outcome WHERE plan_id = $1 ORDER BY pillar`, [planId])) as { pillar: string }[];
  const missing = used.map((row) => row.pillar).filter((pillar) => !PILLARS.has(pillar) && !nationalPillars.includes(pillar));
  if (missing.length > 0) throw badInput('input.nationalPillars', `Outcomes of the plan are under the national pillar "${missing[0]}"; keep it in input.nationalPillars.`);
}
