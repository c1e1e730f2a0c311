import { FollowUpStatus, type FollowUpAction } from './follow-up.type.js';

/** A member's follow-up actions counted: what a framework's follow-up view shows of it. */
export interface FollowUpCounts {
  /** Open and past their due date. */
  overdue: number;
  /** Neither DONE nor DROPPED (the overdue ones included). */
  open: number;
  done: number;
  /** The earliest due date among the overdue ones (ISO date), null when none is overdue. */
  oldestOverdueDue: string | null;
  /** Whether any action counted here was generated for the demo network. */
  isDemo: boolean;
}

/** Counts over actions as the contract shows them (`overdue` already says past due and open); DROPPED ones count nowhere. */
export function countFollowUps(actions: readonly Pick<FollowUpAction, 'status' | 'overdue' | 'dueOn' | 'isDemo'>[]): FollowUpCounts {
  const overdue = actions.filter((action) => action.overdue);
  return {
    overdue: overdue.length,
    open: actions.filter((action) => action.status !== FollowUpStatus.DONE && action.status !== FollowUpStatus.DROPPED).length,
    done: actions.filter((action) => action.status === FollowUpStatus.DONE).length,
    oldestOverdueDue: overdue.map((action) => action.dueOn).sort()[0] ?? null,
    isDemo: actions.some((action) => action.isDemo),
  };
}
