import { yearBetween } from '@wps/kit';

/** Years a plan, report or budget may name (the database's own bounds). */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

/** A year a plan, report or budget line may name. */
export function calendarYear(value: number, field: string): number {
  return yearBetween(value, field, FIRST_YEAR, LAST_YEAR);
}
