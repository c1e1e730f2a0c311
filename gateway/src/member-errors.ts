import { ErrorCode } from '@wps/kit';
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
 * A member's error as the hub passes it on: its message, its path mapped
 * into the whole response, and `extensions.country` set to the member's own
 * country by the hub.
 */
export function tagMemberError(error: GraphQLFormattedError, country: string, mapPath: (path: Path) => Path = (path) => path): GraphQLFormattedError {
  return {
    message: error.message,
    ...(error.path ? { path: mapPath(error.path) } : {}),
    extensions: { ...error.extensions, country },
  };
}

/** Path mapping of one member's part of an entity fetch: its `["_entities", i, …]` is entry `indices[i]` of the whole fetch. */
export function entityPathIn(indices: readonly number[]): (path: Path) => Path {
  return (path) => {
    if (path[0] === '_entities' && typeof path[1] === 'number' && indices[path[1]] !== undefined) return ['_entities', indices[path[1]]!, ...path.slice(2)];
    return path;
  };
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
