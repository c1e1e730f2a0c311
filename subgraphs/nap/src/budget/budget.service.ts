import { randomUUID } from 'node:crypto';
import { badInput, currencyCode, idOf, money, notFound, notNull, referenceId, requiredText } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { PublicationStatus } from '../common/enums.js';
import { calendarYear } from '../common/years.js';
import { ActivityEntity } from '../logframe/activity.entity.js';
import { OutcomeEntity } from '../logframe/outcome.entity.js';
import { OutputEntity } from '../logframe/output.entity.js';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { assertPartnerOfPlan } from '../partner/partner.service.js';
import { assertInsidePlan } from '../plan/plan-period.js';
import { lockPlan } from '../plan/plan.service.js';
import { BudgetLineEntity } from './budget-line.entity.js';
import type { BudgetExecutionInput, RecordBudgetLineInput } from './budget.inputs.js';
import { toBudgetLine } from './budget.mapper.js';
import type { BudgetLine } from './budget.type.js';

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
