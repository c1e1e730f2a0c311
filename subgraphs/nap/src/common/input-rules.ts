import { badInput, ErrorCode, HubError, isUuid } from '@wps/kit';
import { yearOfIsoDate } from '../plan/in-force.js';

/**
 * Checks of input values shared by the write services. Each returns the
 * value to store (trimmed, normalised) or throws BAD_USER_INPUT naming the
 * field, so a client knows what to change.
 */

/** A required string, trimmed; empty (or only spaces) is refused. */
export function requiredText(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(field, `${field} must not be empty.`);
  return trimmed;
}

/** An optional string, trimmed; null or blank stores null, undefined means "not given" (an update keeps the current value). */
export function optionalText(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** A list of non-empty strings, trimmed; a blank or repeated entry is refused. */
export function textList(values: readonly string[], field: string): string[] {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    const trimmed = value.trim();
    if (trimmed.length === 0) throw badInput(`${field}[${index}]`, `${field}[${index}] must not be empty.`);
    if (seen.has(trimmed)) throw badInput(`${field}[${index}]`, `${field} lists "${trimmed}" twice.`);
    seen.add(trimmed);
  });
  return [...seen];
}

/** Enum values without repeats, in the order given (a repeat adds nothing). */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** An update may leave out a field that cannot be empty, but not set it to null. */
export function notNull<T>(value: T | null | undefined, field: string): T | undefined {
  if (value === null) throw badInput(field, `${field} cannot be null; leave it out to keep the current value.`);
  return value;
}

/** Years a plan, report or budget may name (the database's own bounds). */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

export function calendarYear(value: number, field: string): number {
  if (!Number.isInteger(value) || value < FIRST_YEAR || value > LAST_YEAR) {
    throw badInput(field, `${field} must be a year from ${FIRST_YEAR} to ${LAST_YEAR}, got ${value}.`);
  }
  return value;
}

/** A calendar date as YYYY-MM-DD; returns it with its year. */
export function isoDate(value: string, field: string): { date: string; year: number } {
  const date = value.trim();
  return { date, year: yearOfIsoDate(date, field) };
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** An ISO 8601 date as precise as known: "2016", "2016-05" or "2016-05-12". */
export function partialIsoDate(value: string, field: string): string {
  const date = value.trim();
  const invalid = () => badInput(field, `${field} must be an ISO date as precise as known (YYYY, YYYY-MM or YYYY-MM-DD), got "${value}".`);
  if (!PARTIAL_DATE.test(date)) throw invalid();
  const [year, month, day] = date.split('-').map(Number);
  if (month !== undefined && (month < 1 || month > 12)) throw invalid();
  if (day !== undefined) {
    try {
      yearOfIsoDate(date, field);
    } catch {
      throw invalid();
    }
  }
  if (year! < 1900 || year! > LAST_YEAR) throw invalid();
  return date;
}

/** An absolute http or https URL. */
export function httpUrl(value: string, field: string): string {
  const url = value.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // The database checks the scheme as written, in lower case.
  if (!parsed || !/^https?:\/\//.test(url)) throw badInput(field, `${field} must be an http:// or https:// URL.`);
  return url;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** A BCP 47 language tag such as "en" or "pt-BR". */
export function languageTag(value: string, field: string): string {
  const tag = value.trim();
  if (!LANGUAGE_TAG.test(tag)) throw badInput(field, `${field} must be a BCP 47 language tag such as "en" or "pt-BR", got "${value}".`);
  return tag;
}

/** numeric(18, 2) holds less than 10^16. */
const MONEY_LIMIT = 1e16;

/** An amount of money: a finite number, not negative, that the database can hold. */
export function money(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) throw badInput(field, `${field} must be a finite amount, zero or more, got ${value}.`);
  if (value >= MONEY_LIMIT) throw badInput(field, `${field} is too large.`);
  return value;
}

const CURRENCY = /^[A-Z]{3}$/;

/** An ISO 4217 currency code: three capital letters, e.g. KES. */
export function currencyCode(value: string, field: string): string {
  if (!CURRENCY.test(value)) throw badInput(field, `${field} must be an ISO 4217 code of three capital letters, e.g. "KES", got "${value}".`);
  return value;
}

/** An id that is not one of this member's rows. */
export function notFound(field: string, what: string): HubError {
  return new HubError(ErrorCode.NOT_FOUND, `This member has no ${what} with that id.`, { field });
}

/** An id argument the member may have: a UUID (else NOT_FOUND, without asking the database). */
export function idOf(id: string, field: string, what: string): string {
  if (!isUuid(id)) throw notFound(field, what);
  return id;
}

/** An id in an input that must name a row of the same plan: a UUID (else BAD_USER_INPUT). */
export function referenceId(id: string, field: string): string {
  if (!isUuid(id)) throw badInput(field, `${field} is not an id of this member.`);
  return id;
}
