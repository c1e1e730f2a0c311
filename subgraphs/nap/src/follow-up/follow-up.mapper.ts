import type { FollowUpActionEntity } from './follow-up.entity.js';
import { FollowUpStatus, type FollowUpAction } from './follow-up.type.js';

const CLOSED: readonly string[] = [FollowUpStatus.DONE, FollowUpStatus.DROPPED];

/** Whether an action is past its due date on `today` (an ISO date, UTC) and still open. */
export function isOverdue(row: Pick<FollowUpActionEntity, 'dueOn' | 'status'>, today: string): boolean {
  return !CLOSED.includes(row.status) && row.dueOn < today;
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function toFollowUpAction(row: FollowUpActionEntity): FollowUpAction {
  return {
    id: row.id,
    description: row.description,
    dueOn: row.dueOn,
    status: row.status as FollowUpStatus,
    completedOn: row.completedOn,
    overdue: isOverdue(row, todayUtc()),
    isDemo: row.isDemo,
    recommendationId: row.recommendationId,
    responsiblePartnerId: row.responsiblePartnerId,
  };
}
