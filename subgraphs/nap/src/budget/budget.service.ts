import { randomUUID } from 'node:crypto';
import { badInput, currencyCode, idOf, isoDate, money, notFound, notNull, optionalText, referenceId, requiredText } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { GenderMarker, PublicationStatus, RecipientType } from '../common/enums.js';
import { calendarYear } from '../common/years.js';
import { ActivityEntity } from '../logframe/activity.entity.js';
import { OutcomeEntity } from '../logframe/outcome.entity.js';
import { OutputEntity } from '../logframe/output.entity.js';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { assertPartnerOfPlan } from '../partner/partner.service.js';
import { assertInsidePlan } from '../plan/plan-period.js';
import { lockPlan } from '../plan/plan.service.js';
import { BudgetLineEntity } from './budget-line.entity.js';
import type { BudgetExecutionInput, CostedEstimateInput, RecordBudgetLineInput, RecordDisbursementInput } from './budget.inputs.js';
import { toBudgetLine, toDisbursement } from './budget.mapper.js';
import type { BudgetLine } from './budget.type.js';
import { DisbursementEntity } from './disbursement.entity.js';
import type { Disbursement } from './financing.type.js';
import { NationalActionPlanEntity } from '../plan/plan.entity.js';
import { toPlan } from '../plan/plan.mapper.js';
import type { NationalActionPlan } from '../plan/plan.type.js';

/** Record a budget line of a plan as a DRAFT: a fiscal year inside the plan, a partner and an activity of the same plan, money not negative. */
export async function recordBudgetLine(scope: WriteScope, planId: string, input: RecordBudgetLineInput): Promise<BudgetLine> {
  const row = {
    fiscalYear: calendarYear(input.fiscalYear, 'input.fiscalYear'),
    description: requiredText(input.description, 'input.description'),
    currency: currencyCode(input.currency, 'input.currency'),
    allocated: money(input.allocated, 'input.allocated'),
    disbursed: money(input.disbursed ?? 0, 'input.disbursed'),
    spent: money(input.spent ?? 0, 'input.spent'),
    fundingSource: input.fundingSource,
    costedEstimate: input.costedEstimate == null ? null : money(input.costedEstimate, 'input.costedEstimate'),
    genderMarker: genderMarkerOf(input.genderMarker ?? GenderMarker.NOT_SCREENED, 'input.genderMarker'),
  };
  return inTransaction(scope, async (manager) => {
    const plan = await lockPlan(manager, planId, 'planId', 'share');
    assertInsidePlan(plan, row.fiscalYear, row.fiscalYear, 'input.fiscalYear', `Fiscal year ${row.fiscalYear}`);
    const partnerId = input.partnerId ?? null;
    if (partnerId !== null) await assertPartnerOfPlan(manager, partnerId, plan.id, 'input.partnerId');
    const activityId = input.activityId ?? null;
    if (activityId !== null) await assertActivityOfPlan(manager, activityId, plan.id, 'input.activityId');
    const id = randomUUID();
    await manager.insert(BudgetLineEntity, { id, planId: plan.id, partnerId, activityId, ...row, status: PublicationStatus.DRAFT, isDemo: false });
    return toBudgetLine(await manager.findOneByOrFail(BudgetLineEntity, { id }), scope.countryCode);
  });
}

/**
 * Record how much of a line has been disbursed and spent. Execution goes on
 * after a line is published, so published lines take it too (and show it at
 * once: published budgets are public).
 */
export async function recordBudgetExecution(scope: WriteScope, budgetLineId: string, input: BudgetExecutionInput): Promise<BudgetLine> {
  const changes: Partial<Pick<BudgetLineEntity, 'disbursed' | 'spent'>> = {};
  const disbursed = notNull(input.disbursed, 'input.disbursed');
  if (disbursed !== undefined) changes.disbursed = money(disbursed, 'input.disbursed');
  const spent = notNull(input.spent, 'input.spent');
  if (spent !== undefined) changes.spent = money(spent, 'input.spent');
  if (Object.keys(changes).length === 0) throw badInput('input', 'Give input.disbursed, input.spent or both.');
  return inTransaction(scope, async (manager) => {
    const line = await lockLine(manager, budgetLineId, 'budgetLineId');
    if (changes.disbursed !== undefined) {
      const recorded = await disbursedInRows(manager, line.id);
      if (changes.disbursed < recorded) throw badInput('input.disbursed', `input.disbursed cannot be less than the ${recorded} ${line.currency} its disbursements add up to.`);
    }
    await manager.update(BudgetLineEntity, { id: line.id }, { ...changes, updatedAt: () => 'now()' });
    return toBudgetLine(await manager.findOneByOrFail(BudgetLineEntity, { id: line.id }), scope.countryCode);
  });
}

/** Publish a DRAFT line: only a complete one (a partner or an activity, and a description). */
export async function publishBudgetLine(scope: WriteScope, id: string): Promise<BudgetLine> {
  return inTransaction(scope, async (manager) => {
    const line = await lockLine(manager, id, 'id');
    if (line.status !== PublicationStatus.DRAFT) throw badInput('id', `The budget line "${line.description}" is already published.`);
    const missing = [...(line.partnerId === null && line.activityId === null ? ['partnerId or activityId'] : []), ...(line.description.trim() ? [] : ['description'])];
    if (missing.length > 0) throw badInput('id', `The budget line "${line.description}" is not complete: it needs ${missing.join(' and ')}.`, { missing });
    await manager.update(BudgetLineEntity, { id: line.id }, { status: PublicationStatus.PUBLISHED, publishedAt: () => 'now()', updatedAt: () => 'now()' });
    return toBudgetLine(await manager.findOneByOrFail(BudgetLineEntity, { id: line.id }), scope.countryCode);
  });
}

async function lockLine(manager: EntityManager, id: string, field: string): Promise<BudgetLineEntity> {
  const line = await manager.findOne(BudgetLineEntity, { where: { id: idOf(id, field, 'budget line of this member') }, lock: { mode: 'pessimistic_write' } });
  if (!line) throw notFound(field, 'budget line of this member');
  return line;
}

/** BAD_USER_INPUT naming `field` unless `activityId` is an activity of the plan (through its output and outcome). */
async function assertActivityOfPlan(manager: EntityManager, activityId: string, planId: string, field: string): Promise<void> {
  const activity = await manager.findOneBy(ActivityEntity, { id: referenceId(activityId, field) });
  const output = activity && (await manager.findOneBy(OutputEntity, { id: activity.outputId }));
  const outcome = output && (await manager.findOneBy(OutcomeEntity, { id: output.outcomeId }));
  if (!outcome || outcome.planId !== planId) throw badInput(field, `${field} is not an activity of this plan.`);
}

const MARKERS = new Set<string>(Object.values(GenderMarker));
const RECIPIENTS = new Set<string>(Object.values(RecipientType));

/** BAD_USER_INPUT unless `value` is an OECD DAC gender marker the contract knows (GraphQL checks the enum; a direct caller may not). */
function genderMarkerOf(value: string, field: string): GenderMarker {
  if (!MARKERS.has(value)) throw badInput(field, `${field} must be one of ${[...MARKERS].join(', ')}.`);
  return value as GenderMarker;
}

/** What the rows of a line add up to (in its currency). */
async function disbursedInRows(manager: EntityManager, budgetLineId: string): Promise<number> {
  const [row] = (await manager.query(`SELECT coalesce(sum(amount), 0)::float8 AS total FROM public.disbursement WHERE budget_line_id = $1`, [budgetLineId])) as { total: number }[];
  return row!.total;
}

/**
 * Record a payment out of a budget line: more than 0, dated on a real day
 * not after today, to a recipient of a known type. It adds to the line's
 * disbursed total in the same transaction, so the line and its rows agree.
 */
export async function recordDisbursement(scope: WriteScope, budgetLineId: string, input: RecordDisbursementInput, today: Date = new Date()): Promise<Disbursement> {
  const amount = money(input.amount, 'input.amount');
  if (amount === 0) throw badInput('input.amount', 'input.amount must be more than 0.');
  const { date } = isoDate(input.disbursedOn, 'input.disbursedOn');
  if (date > today.toISOString().slice(0, 10)) throw badInput('input.disbursedOn', 'input.disbursedOn cannot be in the future: record a disbursement once it is made.');
  if (!RECIPIENTS.has(input.recipientType)) throw badInput('input.recipientType', `input.recipientType must be one of ${[...RECIPIENTS].join(', ')}.`);
  const recipientName = optionalText(input.recipientName, 'input.recipientName', 200);
  return inTransaction(scope, async (manager) => {
    const line = await lockLine(manager, budgetLineId, 'budgetLineId');
    const disbursed = money(Math.round((line.disbursed + amount) * 100) / 100, 'input.amount');
    const id = randomUUID();
    await manager.insert(DisbursementEntity, { id, budgetLineId: line.id, disbursedOn: date, amount, recipientType: input.recipientType, recipientName, isDemo: false, recordedBy: scope.actor });
    await manager.update(BudgetLineEntity, { id: line.id }, { disbursed, updatedAt: () => 'now()' });
    return toDisbursement(await manager.findOneByOrFail(DisbursementEntity, { id }), scope.countryCode);
  });
}

/** Set the OECD DAC gender equality policy marker of a budget line (drafts and published lines alike: screening may come later). */
export async function setBudgetLineGenderMarker(scope: WriteScope, budgetLineId: string, genderMarker: GenderMarker): Promise<BudgetLine> {
  const marker = genderMarkerOf(genderMarker, 'genderMarker');
  return inTransaction(scope, async (manager) => {
    const line = await lockLine(manager, budgetLineId, 'budgetLineId');
    await manager.update(BudgetLineEntity, { id: line.id }, { genderMarker: marker, updatedAt: () => 'now()' });
    return toBudgetLine(await manager.findOneByOrFail(BudgetLineEntity, { id: line.id }), scope.countryCode);
  });
}

/**
 * Set (or, with null, clear) what a whole plan was costed at. A figure a
 * focal point records is the member's own: it is no longer a demo value.
 */
export async function setPlanCostedEstimate(scope: WriteScope, planId: string, input: CostedEstimateInput | null): Promise<NationalActionPlan> {
  const estimate =
    input === null
      ? { costedEstimate: null, costedEstimateCurrency: null, costedEstimateSource: null }
      : {
          costedEstimate: money(input.amount, 'input.amount'),
          costedEstimateCurrency: currencyCode(input.currency, 'input.currency'),
          costedEstimateSource: optionalText(input.source, 'input.source', 1000),
        };
  return inTransaction(scope, async (manager) => {
    const plan = await lockPlan(manager, planId, 'planId', 'update');
    const demoFields = plan.demoFields.filter((field) => field !== 'costedEstimate');
    await manager.update(NationalActionPlanEntity, { id: plan.id }, { ...estimate, demoFields, updatedAt: () => 'now()' });
    return toPlan(await manager.findOneByOrFail(NationalActionPlanEntity, { id: plan.id }), scope.countryCode);
  });
}
