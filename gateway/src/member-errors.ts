import { ErrorCode, IDEMPOTENCY_KEY_REUSED, isPublicErrorCode } from '@wps/kit';
import { capText, scrubAddresses } from './error-masking.js';
import type { GraphQLFormattedError } from 'graphql';
import { memberErrors } from './gateway-metrics.js';
import type { FailureReason } from './member-failure.js';

type Path = readonly (string | number)[];

/** How each failure reason is worded to a client. */
const WHY: Record<FailureReason, string> = {
  timeout: 'did not answer in time',
  unreachable: 'could not be reached',
  http_error: 'answered with an HTTP error',
  invalid_response: 'answered with an invalid response',
  quarantined: 'is quarantined (it serves a different NAP contract)',
  offline: 'is offline',
  circuit_open: 'failed repeatedly and is not asked for a while',
};

/** A registered member's part failed: one MEMBER_UNAVAILABLE naming its country and why, never how it is reached. */
export function memberUnavailable(country: string, reason: FailureReason, path: Path): GraphQLFormattedError {
  memberErrors.inc({ country, reason });
  return {
    message: `The NAP subgraph of ${country} ${WHY[reason]}; its data is missing from this response.`,
    path,
    extensions: { code: ErrorCode.MEMBER_UNAVAILABLE, country, reason },
  };
}

/** A root field addressed to a country with no registered member. */
export function memberNotRegistered(country: string, key: string): GraphQLFormattedError {
  return { message: `${country} has no NAP subgraph registered with the hub.`, path: [key], extensions: { code: ErrorCode.MEMBER_NOT_REGISTERED, country } };
}

/** A root field of the member subgraph that names no country: never sent to an arbitrary member. */
export function countryCodeRequired(fieldName: string, key: string): GraphQLFormattedError {
  return {
    message: `${fieldName} must name a countryCode: the hub routes it to that member state only.`,
    path: [key],
    extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'countryCode' },
  };
}

/** A signed-in caller's write to a country they may not write for. */
export function writeForbidden(country: string, key: string): GraphQLFormattedError {
  return { message: `Only a focal point of ${country} may write ${country}'s data.`, path: [key], extensions: { code: ErrorCode.FORBIDDEN, country } };
}

/** The hub's own mistake (a fetch the planner should not have made). */
export function internalError(message: string, path?: Path): GraphQLFormattedError {
  return { message, ...(path ? { path } : {}), extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * The codes a NAP member may answer with: the errors the contract's services
 * raise on the member's own data (README "Errors"). The hub's own codes
 * (MEMBER_UNAVAILABLE, MEMBER_NOT_REGISTERED, QUERY_TOO_COSTLY,
 * RATE_LIMITED, SERVICE_UNAVAILABLE) are the hub's to give.
 */
export const MEMBER_ERROR_CODES: ReadonlySet<string> = new Set([ErrorCode.BAD_USER_INPUT, ErrorCode.NOT_FOUND, ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN, ErrorCode.COUNTRY_NOT_SERVED]);

/** Extensions of a member error the hub passes on (what a refused write says); `country`, `reason` and `service` are the hub's. */
const MEMBER_EXTENSIONS = ['field', 'line', 'lines', 'missing'] as const;

/**
 * The `reason`s a member's refusal may give, from the contract (a reused
 * idempotency key); any other `reason` is dropped, so a member cannot word
 * one of the hub's (`timeout`, `quarantined`, …).
 */
const MEMBER_REASONS: ReadonlySet<unknown> = new Set([IDEMPOTENCY_KEY_REUSED]);

/** The longest member error message the hub passes on, in characters. */
export const MAX_MEMBER_MESSAGE = 300;

/** A member error message longer than this (in characters) makes the whole answer invalid: no contract error says that much. */
export const MAX_MEMBER_MESSAGE_READ = 16 * 1024;

/** The most errors the hub passes on from one member answer. */
export const MAX_MEMBER_ERRORS = 20;

/** A code only the hub gives: a member answering with it claims to be the hub (an invalid response). */
export function isHubOnlyCode(code: unknown): boolean {
  return typeof code === 'string' && isPublicErrorCode(code) && !MEMBER_ERROR_CODES.has(code);
}

/**
 * A member's error as the hub words it: a code from the contract's list
 * (MEMBER_ERROR_CODES; anything else becomes the hub's internal error, which
 * the gateway masks), the message scrubbed of addresses and cut to
 * MAX_MEMBER_MESSAGE characters, `extensions.country` always the member's own,
 * and the path mapped into the member's own part of the response by
 * `placePath` (which puts a path that points elsewhere at the member's part).
 */
export function memberError(error: GraphQLFormattedError, country: string, placePath: (path: Path) => Path): GraphQLFormattedError {
  const code = error.extensions?.code;
  const path = Array.isArray(error.path) ? placePath(isWellFormedPath(error.path) ? error.path : []) : undefined;
  const where = path ? { path } : {};
  if (typeof code !== 'string' || !MEMBER_ERROR_CODES.has(code)) {
    return { message: `The NAP subgraph of ${country} failed to resolve this part.`, ...where, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, country } };
  }
  const extensions: Record<string, unknown> = { code, country };
  for (const key of MEMBER_EXTENSIONS) if (error.extensions?.[key] !== undefined) extensions[key] = error.extensions[key];
  if (code === ErrorCode.BAD_USER_INPUT && MEMBER_REASONS.has(error.extensions?.reason)) extensions.reason = error.extensions!.reason;
  const message = typeof error.message === 'string' ? capText(scrubAddresses(error.message), MAX_MEMBER_MESSAGE) : `The NAP subgraph of ${country} reported an error.`;
  return { message, ...where, extensions };
}

/** A path of response keys and list indices, as long as a real one can be. */
function isWellFormedPath(path: readonly unknown[]): path is Path {
  return path.length <= 64 && path.every((part) => (typeof part === 'string' && part.length <= 256) || (typeof part === 'number' && Number.isInteger(part) && part >= 0));
}

/**
 * A member answer's errors, worded by the hub (memberError), at most
 * MAX_MEMBER_ERRORS of them; or the problem that makes the whole answer
 * invalid: errors that are not a list of objects, an error with one of
 * the hub's own codes (a member claiming that a member failed), or a
 * message over MAX_MEMBER_MESSAGE_READ characters.
 */
export function memberErrorsOf(errors: unknown, country: string, placePath: (path: Path) => Path): { errors: GraphQLFormattedError[] } | { problem: string } {
  if (errors === undefined || errors === null) return { errors: [] };
  if (!Array.isArray(errors)) return { problem: 'errors is not a list' };
  const worded: GraphQLFormattedError[] = [];
  for (const error of errors) {
    if (typeof error !== 'object' || error === null || Array.isArray(error)) return { problem: 'an error is not an object' };
    const code = (error as GraphQLFormattedError).extensions?.code;
    if (isHubOnlyCode(code)) return { problem: `an error claims the hub's own code ${String(code)}` };
    const message = (error as GraphQLFormattedError).message;
    if (typeof message === 'string' && message.length > MAX_MEMBER_MESSAGE_READ) return { problem: `an error message of ${message.length} characters` };
    if (worded.length < MAX_MEMBER_ERRORS) worded.push(memberError(error as GraphQLFormattedError, country, placePath));
  }
  return { errors: worded };
}

/**
 * Path placement of one member's part of an entity fetch: its
 * `["_entities", i, …]` is entry `indices[i]` of the whole fetch; any other
 * path (an index it was not sent, another field) is put at its first entry.
 */
export function entityPathIn(indices: readonly number[]): (path: Path) => Path {
  return (path) => {
    if (path[0] === '_entities' && typeof path[1] === 'number' && Number.isInteger(path[1]) && path[1] >= 0 && path[1] < indices.length) {
      return ['_entities', indices[path[1]]!, ...path.slice(2)];
    }
    return ['_entities', indices[0]!];
  };
}

/** Path placement of one member's root fields: a path under one of its response keys stays; any other is put at its first key. */
export function rootPathIn(keys: readonly string[]): (path: Path) => Path {
  const own = new Set(keys);
  return (path) => (typeof path[0] === 'string' && own.has(path[0]) ? path : [keys[0]!]);
}

/** Deterministic error order: by response path, whatever order members answered in. */
export function sortByPath(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const key = (error: GraphQLFormattedError) => (error.path ?? []).map((part) => (typeof part === 'number' ? String(part).padStart(8, '0') : part)).join('/');
  return [...errors].sort((a, b) => key(a).localeCompare(key(b)));
}

/** A response's `errors`, sorted, or nothing when there are none. */
export function errorsPart(errors: readonly GraphQLFormattedError[]): { errors?: GraphQLFormattedError[] } {
  return errors.length > 0 ? { errors: sortByPath(errors) } : {};
}
