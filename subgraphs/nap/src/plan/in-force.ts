import { badInput } from '@wps/kit';
import type { Period } from '../common/period.type.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar year of an ISO date (YYYY-MM-DD), or BAD_USER_INPUT naming `field`. */
export function yearOfIsoDate(value: string, field: string): number {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput(field, `${field} must be a date as YYYY-MM-DD, got "${value}".`);
  }
  return Number(match[1]);
}

/**
 * Whether a plan's period contains the year: periods are whole years, an open
 * end runs on; an unknown start means we cannot say (null).
 */
export function periodContainsYear(period: Period, year: number): boolean | null {
  if (period.start === null) return null;
  return period.start <= year && (period.end === null || year <= period.end);
}
