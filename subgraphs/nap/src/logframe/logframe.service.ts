import { randomUUID } from 'node:crypto';
import { badInput, idOf, isoDate, notFound, notNull, optionalText, requiredText } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import type { Pillar } from '../common/enums.js';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { assertPartnerOfPlan } from '../partner/partner.service.js';
import { assertInsidePlan } from '../plan/plan-period.js';
import type { NationalActionPlanEntity } from '../plan/plan.entity.js';
import { lockPlan } from '../plan/plan.service.js';
import { ActivityEntity } from './activity.entity.js';
import type {
  CreateActivityInput,
  CreateOutcomeInput,
  CreateOutputInput,
  UpdateActivityInput,
  UpdateOutcomeInput,
  UpdateOutputInput,
} from './logframe.inputs.js';
import { toActivity, toOutcome, toOutput } from './logframe.mapper.js';
import type { Activity, Outcome, Output } from './logframe.type.js';
import { OutcomeEntity } from './outcome.entity.js';
import { OutputEntity } from './output.entity.js';

/** Add an outcome to a plan, under one of the four pillars or one of the plan's national pillars. */
export async function createOutcome(scope: WriteScope, planId: string, input: CreateOutcomeInput): Promise<Outcome> {
  const code = requiredText(input.code, 'input.code');
  const statement = requiredText(input.statement, 'input.statement');
  return inTransaction(scope, async (manager) => {
    const plan = await lockPlan(manager, planId, 'planId', 'share');
    const id = randomUUID();
    const position = await nextPosition(manager, 'outcome', 'plan_id', plan.id);
    await manager.insert(OutcomeEntity, { id, planId: plan.id, code, pillar: pillarOf(input.pillar, input.nationalPillar, plan), statement, position, isDemo: false });
    return toOutcome(await manager.findOneByOrFail(OutcomeEntity, { id }), scope.countryCode);
  });
}

/** Change an outcome; giving `pillar` or `nationalPillar` moves it (exactly one of them, non-null). */
export async function updateOutcome(scope: WriteScope, id: string, input: UpdateOutcomeInput): Promise<Outcome> {
  const changes: Partial<OutcomeEntity> = {};
  const code = notNull(input.code, 'input.code');
  if (code !== undefined) changes.code = requiredText(code, 'input.code');
  const statement = notNull(input.statement, 'input.statement');
  if (statement !== undefined) changes.statement = requiredText(statement, 'input.statement');
  return inTransaction(scope, async (manager) => {
    const outcome = await lockRow(manager, OutcomeEntity, id, 'id', 'outcome');
    if (input.pillar !== undefined || input.nationalPillar !== undefined) {
      const plan = await lockPlan(manager, outcome.planId, 'id', 'share');
      changes.pillar = pillarOf(input.pillar, input.nationalPillar, plan);
    }
    if (Object.keys(changes).length > 0) await manager.update(OutcomeEntity, { id: outcome.id }, changes);
    return toOutcome(await manager.findOneByOrFail(OutcomeEntity, { id: outcome.id }), scope.countryCode);
  });
}

/** Add an output to an outcome (its code unique within the outcome). */
export async function createOutput(scope: WriteScope, outcomeId: string, input: CreateOutputInput): Promise<Output> {
  const code = requiredText(input.code, 'input.code');
  const statement = requiredText(input.statement, 'input.statement');
  return inTransaction(scope, async (manager) => {
    const outcome = await lockRow(manager, OutcomeEntity, outcomeId, 'outcomeId', 'outcome', 'share');
    const id = randomUUID();
    const position = await nextPosition(manager, 'output', 'outcome_id', outcome.id);
    await manager.insert(OutputEntity, { id, outcomeId: outcome.id, code, statement, position, isDemo: false });
    return toOutput(await manager.findOneByOrFail(OutputEntity, { id }), scope.countryCode);
  });
}

/** Change the code or statement of an output. */
export async function updateOutput(scope: WriteScope, id: string, input: UpdateOutputInput): Promise<Output> {
  const changes: Partial<OutputEntity> = {};
  const code = notNull(input.code, 'input.code');
  if (code !== undefined) changes.code = requiredText(code, 'input.code');
  const statement = notNull(input.statement, 'input.statement');
  if (statement !== undefined) changes.statement = requiredText(statement, 'input.statement');
  return inTransaction(scope, async (manager) => {
    const output = await lockRow(manager, OutputEntity, id, 'id', 'output');
    if (Object.keys(changes).length > 0) await manager.update(OutputEntity, { id: output.id }, changes);
    return toOutput(await manager.findOneByOrFail(OutputEntity, { id: output.id }), scope.countryCode);
  });
}

/** Add an activity to an output: dates inside the plan period and in order, the responsible partner one of the same plan. */
export async function createActivity(scope: WriteScope, outputId: string, input: CreateActivityInput): Promise<Activity> {
  const code = requiredText(input.code, 'input.code');
  const title = requiredText(input.title, 'input.title');
  return inTransaction(scope, async (manager) => {
    const output = await lockRow(manager, OutputEntity, outputId, 'outputId', 'output', 'share');
    const plan = await planOfOutput(manager, output);
    const dates = activityDates(plan, optionalText(input.startsOn, 'input.startsOn'), optionalText(input.endsOn, 'input.endsOn'));
    const responsiblePartnerId = input.responsiblePartnerId ?? null;
    if (responsiblePartnerId !== null) await assertPartnerOfPlan(manager, responsiblePartnerId, plan.id, 'input.responsiblePartnerId');
    const id = randomUUID();
    const position = await nextPosition(manager, 'activity', 'output_id', output.id);
    await manager.insert(ActivityEntity, {
      id,
      outputId: output.id,
      code,
      title,
      responsiblePartnerId,
      ...dates,
      status: input.status,
      position,
      isDemo: false,
    });
    return toActivity(await manager.findOneByOrFail(ActivityEntity, { id }), scope.countryCode);
  });
}

/** Change an activity; changed dates and partner are checked as on creation. */
export async function updateActivity(scope: WriteScope, id: string, input: UpdateActivityInput): Promise<Activity> {
  const changes: Partial<ActivityEntity> = {};
  const code = notNull(input.code, 'input.code');
  if (code !== undefined) changes.code = requiredText(code, 'input.code');
  const title = notNull(input.title, 'input.title');
  if (title !== undefined) changes.title = requiredText(title, 'input.title');
  const status = notNull(input.status, 'input.status');
  if (status !== undefined) changes.status = status;
  return inTransaction(scope, async (manager) => {
    const activity = await lockRow(manager, ActivityEntity, id, 'id', 'activity');
    const plan = await planOfOutput(manager, await manager.findOneByOrFail(OutputEntity, { id: activity.outputId }));
    if (input.startsOn !== undefined || input.endsOn !== undefined) {
      const startsOn = input.startsOn !== undefined ? optionalText(input.startsOn, 'input.startsOn') : activity.startsOn;
      const endsOn = input.endsOn !== undefined ? optionalText(input.endsOn, 'input.endsOn') : activity.endsOn;
      Object.assign(changes, activityDates(plan, startsOn, endsOn));
    }
    if (input.responsiblePartnerId !== undefined) {
      if (input.responsiblePartnerId !== null) await assertPartnerOfPlan(manager, input.responsiblePartnerId, plan.id, 'input.responsiblePartnerId');
      changes.responsiblePartnerId = input.responsiblePartnerId;
    }
    if (Object.keys(changes).length > 0) await manager.update(ActivityEntity, { id: activity.id }, changes);
    return toActivity(await manager.findOneByOrFail(ActivityEntity, { id: activity.id }), scope.countryCode);
  });
}

/** The pillar column of an outcome: one of the four, or one of the plan's national pillars; exactly one must be given. */
function pillarOf(pillar: Pillar | null | undefined, nationalPillar: string | null | undefined, plan: NationalActionPlanEntity): string {
  const national = optionalText(nationalPillar, 'input.nationalPillar');
  if (Boolean(pillar) === Boolean(national)) {
    throw badInput('input.pillar', "Give exactly one of input.pillar (one of the four) and input.nationalPillar (one of the plan's national pillars).");
  }
  if (pillar) return pillar;
  if (!plan.nationalPillars.includes(national!)) {
    const known = plan.nationalPillars.length > 0 ? plan.nationalPillars.map((name) => `"${name}"`).join(', ') : 'none';
    throw badInput('input.nationalPillar', `"${national}" is not one of the plan's national pillars (${known}).`);
  }
  return national!;
}

/** Activity dates as ISO dates, in order, inside the plan period. */
function activityDates(plan: NationalActionPlanEntity, startsOn: string | null, endsOn: string | null): Pick<ActivityEntity, 'startsOn' | 'endsOn'> {
  const start = startsOn === null ? null : isoDate(startsOn, 'input.startsOn');
  const end = endsOn === null ? null : isoDate(endsOn, 'input.endsOn');
  if (start && end && end.date < start.date) throw badInput('input.endsOn', `input.endsOn (${end.date}) is before input.startsOn (${start.date}).`);
  if (start) assertInsidePlan(plan, start.year, start.year, 'input.startsOn', `The activity start ${start.date}`);
  if (end) assertInsidePlan(plan, end.year, end.year, 'input.endsOn', `The activity end ${end.date}`);
  return { startsOn: start?.date ?? null, endsOn: end?.date ?? null };
}

/** The plan an output belongs to (through its outcome), share-locked. */
async function planOfOutput(manager: EntityManager, output: OutputEntity): Promise<NationalActionPlanEntity> {
  const outcome = await manager.findOneByOrFail(OutcomeEntity, { id: output.outcomeId });
  return lockPlan(manager, outcome.planId, 'outputId', 'share');
}

type Lockable = typeof OutcomeEntity | typeof OutputEntity | typeof ActivityEntity;

/** A row named by an id argument, locked (`update` for a change to it, `share` for a write under it); NOT_FOUND otherwise. */
async function lockRow<E extends Lockable>(manager: EntityManager, entity: E, id: string, field: string, what: string, mode: 'share' | 'update' = 'update'): Promise<InstanceType<E>> {
  const row = await manager.findOne(entity, {
    where: { id: idOf(id, field, `${what} of this member`) },
    lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
  });
  if (!row) throw notFound(field, `${what} of this member`);
  return row as InstanceType<E>;
}

/** The next list position under a parent (items are listed in the order they were added). Table and column are constants. */
export async function nextPosition(manager: EntityManager, table: 'outcome' | 'output' | 'activity' | 'indicator', parentColumn: string, parentId: string): Promise<number> {
  const [row] = (await manager.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM ${table} WHERE ${parentColumn} = $1`, [parentId])) as { next: number }[];
  return row!.next;
}
