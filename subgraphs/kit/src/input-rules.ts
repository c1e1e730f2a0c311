import { isCountryCode } from './country-code.js';
import { badInput, ErrorCode, HubError } from './hub-error.js';
import { isUuid } from './loaders.js';

/**
 * Checks of input values, shared by every subgraph's write services. Each
 * returns the value to store (trimmed, normalised) or throws BAD_USER_INPUT
 * naming the field, so a client knows what to change.
 */

/** A required string, trimmed; empty (or only spaces) is refused, and so is one outside `min`..`max` characters. */
export function requiredText(value: string, field: string, length: { min?: number; max?: number } = {}): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(field, `${field} must not be empty.`);
  if (length.min !== undefined && trimmed.length < length.min) throw badInput(field, `${field} must have at least ${length.min} characters, got ${trimmed.length}.`);
  if (length.max !== undefined && trimmed.length > length.max) throw badInput(field, `${field} must have at most ${length.max} characters, got ${trimmed.length}.`);
  return trimmed;
}

/** An optional string, trimmed: null, undefined or blank stores null; otherwise at most `max` characters. */
export function optionalText(value: string | null | undefined, field: string, max?: number): string | null {
  if (value === null || value === undefined || value.trim().length === 0) return null;
  return requiredText(value, field, { max });
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

/** Enum values without repeats; at least `min` and at most `max` of them. */
export function enumList<T>(values: readonly T[], field: string, min: number, max: number): T[] {
  const unique = distinct(values);
  if (unique.length < min) throw badInput(field, `${field} must name at least ${min}.`);
  if (unique.length > max) throw badInput(field, `${field} may name at most ${max}.`);
  return unique;
}

/** ISO 3166-1 alpha-2 codes, upper-cased, without repeats. */
export function countryCodes(values: readonly string[], field: string): string[] {
  const codes = values.map((value, index) => {
    const code = value.trim().toUpperCase();
    if (!isCountryCode(code)) throw badInput(`${field}[${index}]`, `${field}[${index}] must be an ISO 3166-1 alpha-2 country code, got "${value}".`);
    return code;
  });
  return distinct(codes);
}

/** An update may leave out a field that cannot be empty, but not set it to null. */
export function notNull<T>(value: T | null | undefined, field: string): T | undefined {
  if (value === null) throw badInput(field, `${field} cannot be null; leave it out to keep the current value.`);
  return value;
}

/** A whole year from `first` to `last`. */
export function yearBetween(value: number, field: string, first: number, last: number): number {
  if (!Number.isInteger(value) || value < first || value > last) throw badInput(field, `${field} must be a year from ${first} to ${last}, got ${value}.`);
  return value;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar year of an ISO date (YYYY-MM-DD that is a real day), or BAD_USER_INPUT naming `field`. */
export function yearOfIsoDate(value: string, field: string): number {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput(field, `${field} must be a date as YYYY-MM-DD, got "${value}".`);
  }
  return Number(match[1]);
}

/** A calendar date as YYYY-MM-DD, trimmed; returns it with its year. */
export function isoDate(value: string, field: string): { date: string; year: number } {
  const date = value.trim();
  return { date, year: yearOfIsoDate(date, field) };
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** An ISO 8601 date as precise as known ("2016", "2016-05" or "2016-05-12"), its year from `first` to `last`. */
export function partialIsoDate(value: string, field: string, first: number, last: number): string {
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
  if (year! < first || year! > last) throw invalid();
  return date;
}

/** An absolute http or https URL, trimmed and kept as written (its scheme in lower case, as the databases check it). */
export function httpUrl(value: string, field: string): string {
  const url = value.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
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

/** An amount of money: a finite number, not negative, that a numeric(18, 2) column can hold. */
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

/** NOT_FOUND for an id argument (`field`) that names no `what` the service has. */
export function notFound(field: string, what: string): HubError {
  return new HubError(ErrorCode.NOT_FOUND, `There is no ${what} with that id.`, { field });
}

/** An id argument of a row the service may have: a UUID, else NOT_FOUND without asking the database. */
export function idOf(id: string, field: string, what: string): string {
  if (!isUuid(id)) throw notFound(field, what);
  return id;
}

/** An id in an input that must name an existing row: a UUID, else BAD_USER_INPUT naming the field. */
export function referenceId(id: string, field: string): string {
  if (!isUuid(id)) throw badInput(field, `${field} must be an id (a UUID), got "${id}".`);
  return id;
}
