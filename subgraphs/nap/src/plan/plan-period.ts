import { badInput } from '@wps/kit';
import type { Period } from '../common/period.type.js';

/** The years of a plan's period as stored. */
export interface PlanYears {
  periodStart: number | null;
  periodEnd: number | null;
}

export function describePlanPeriod(plan: PlanYears): string {
  return `${plan.periodStart ?? 'unknown'}–${plan.periodEnd ?? 'open'}`;
}

/**
 * Why the years `from`..`to` do not lie in the plan period [start, end or
 * open], or null when they do. A plan without a known start takes no dated
 * items: there is nothing to place them in.
 */
export function outsidePlanProblem(plan: PlanYears, from: number, to: number, what: string): string | null {
  if (plan.periodStart === null) return `The plan's start year is not known, so ${what} cannot be placed in its period; set the plan's period first.`;
  if (from < plan.periodStart || (plan.periodEnd !== null && to > plan.periodEnd)) {
    return `${what} is outside the plan period ${describePlanPeriod(plan)}.`;
  }
  return null;
}

/** BAD_USER_INPUT naming `field` unless `from`..`to` lies in the plan period. */
export function assertInsidePlan(plan: PlanYears, from: number, to: number, field: string, what: string): void {
  const problem = outsidePlanProblem(plan, from, to, what);
  if (problem) throw badInput(field, problem);
}

/**
 * Whether a plan's period contains the year: periods are whole years, an open
 * end runs on; an unknown start means we cannot say (null).
 */
export function periodContainsYear(period: Period, year: number): boolean | null {
  if (period.start === null) return null;
  return period.start <= year && (period.end === null || year <= period.end);
}
