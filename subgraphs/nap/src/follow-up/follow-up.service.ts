import { randomUUID } from 'node:crypto';
import { badInput, idOf, isoDate, notFound, requiredText } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { assertPartnerOfPlan } from '../partner/partner.service.js';
import { ReportRecommendationEntity } from '../report/recommendation.entity.js';
import { ProgressReportEntity } from '../report/report.entity.js';
import { FollowUpActionEntity } from './follow-up.entity.js';
import type { AddFollowUpActionInput, UpdateFollowUpStatusInput } from './follow-up.inputs.js';
import { toFollowUpAction } from './follow-up.mapper.js';
import { FollowUpStatus, type FollowUpAction } from './follow-up.type.js';

/*
 * Accountability that closes the loop: a decision taken on a recommendation
 * becomes actions, each with a responsible implementing partner of the
 * report's plan, a due date and a status, until DONE (with its date) or
 * DROPPED. The audit triggers record every change (migration 1764760000000).
 */

/** Add an action to a recommendation on which a decision has been taken. */
export async function addFollowUpAction(scope: WriteScope, recommendationId: string, input: AddFollowUpActionInput): Promise<FollowUpAction> {
  const row = {
    description: requiredText(input.description, 'input.description', { min: 5, max: 1000 }),
    dueOn: isoDate(input.dueOn, 'input.dueOn').date,
  };
  const id = idOf(recommendationId, 'recommendationId', 'recommendation of this member');
  return inTransaction(scope, async (manager) => {
    const recommendation = await manager.findOne(ReportRecommendationEntity, { where: { id }, lock: { mode: 'pessimistic_read' } });
    if (!recommendation) throw notFound('recommendationId', 'recommendation of this member');
    if (recommendation.decision === null) throw badInput('recommendationId', 'Record the decision on this recommendation first: follow-up actions carry out a decision.');
    const report = await manager.findOneByOrFail(ProgressReportEntity, { id: recommendation.reportId });
    await assertPartnerOfPlan(manager, input.responsiblePartnerId, report.planId, 'input.responsiblePartnerId');
    const actionId = randomUUID();
    await manager.insert(FollowUpActionEntity, {
      id: actionId,
      recommendationId: recommendation.id,
      responsiblePartnerId: input.responsiblePartnerId,
      ...row,
      status: FollowUpStatus.PLANNED,
      completedOn: null,
      isDemo: false,
    });
    return toFollowUpAction(await manager.findOneByOrFail(FollowUpActionEntity, { id: actionId }));
  });
}

/** Move an action on: DONE needs the date it was done, no other status takes one. */
export async function updateFollowUpStatus(scope: WriteScope, id: string, input: UpdateFollowUpStatusInput): Promise<FollowUpAction> {
  const completedOn = input.completedOn == null || input.completedOn.trim() === '' ? null : isoDate(input.completedOn, 'input.completedOn').date;
  if (input.status === FollowUpStatus.DONE && completedOn === null) throw badInput('input.completedOn', 'input.completedOn is required when an action is DONE.');
  if (input.status !== FollowUpStatus.DONE && completedOn !== null) throw badInput('input.completedOn', 'input.completedOn is only for an action that is DONE.');
  return inTransaction(scope, async (manager) => {
    const action = await lockAction(manager, id);
    await manager.update(FollowUpActionEntity, { id: action.id }, { status: input.status, completedOn });
    return toFollowUpAction(await manager.findOneByOrFail(FollowUpActionEntity, { id: action.id }));
  });
}

async function lockAction(manager: EntityManager, id: string): Promise<FollowUpActionEntity> {
  const action = await manager.findOne(FollowUpActionEntity, { where: { id: idOf(id, 'id', 'follow-up action of this member') }, lock: { mode: 'pessimistic_write' } });
  if (!action) throw notFound('id', 'follow-up action of this member');
  return action;
}
