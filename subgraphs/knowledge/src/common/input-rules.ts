import { badInput, ErrorCode, HubError, isCountryCode } from '@wps/kit';

/**
 * Checks of input values shared by the write services. Each returns the value
 * to store (trimmed, normalised) or throws BAD_USER_INPUT naming the field.
 */

/** A string of `min` to `max` characters once trimmed. */
export function boundedText(value: string, field: string, min: number, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(field, `${field} must not be empty.`);
  if (trimmed.length < min) throw badInput(field, `${field} must have at least ${min} characters, got ${trimmed.length}.`);
  if (trimmed.length > max) throw badInput(field, `${field} must have at most ${max} characters, got ${trimmed.length}.`);
  return trimmed;
}

/** An optional string: null, undefined or blank stores null; otherwise at most `max` characters. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined || value.trim().length === 0) return null;
  return boundedText(value, field, 1, max);
}

/** ISO 3166-1 alpha-2 codes, upper-cased, without repeats. */
export function countryCodes(values: readonly string[], field: string): string[] {
  const codes = values.map((value, index) => {
    const code = value.trim().toUpperCase();
    if (!isCountryCode(code)) throw badInput(`${field}[${index}]`, `${field}[${index}] must be an ISO 3166-1 alpha-2 country code, got "${value}".`);
    return code;
  });
  return [...new Set(codes)];
}

/** Enum values without repeats; at least `min`, at most `max`. */
export function enumList<T>(values: readonly T[], field: string, min: number, max: number): T[] {
  const distinct = [...new Set(values)];
  if (distinct.length < min) throw badInput(field, `${field} must name at least ${min}.`);
  if (distinct.length > max) throw badInput(field, `${field} may name at most ${max}.`);
  return distinct;
}

export function yearBetween(value: number | null | undefined, field: string, first: number, last: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < first || value > last) throw badInput(field, `${field} must be a year from ${first} to ${last}, got ${value}.`);
  return value;
}

/** An http(s) URL, or null. */
export function optionalUrl(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // fall through to the error below
  }
  throw badInput(field, `${field} must be an http or https URL.`);
}

export function notFound(what: string, id: string): HubError {
  return new HubError(ErrorCode.NOT_FOUND, `No ${what} with id "${id}".`, { id });
}

/** The Postgres error code of a failed statement (23505 = unique violation). */
export function postgresCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
