/**
 * Codes the hub sends to clients. Expected failures carry one of these;
 * anything else is logged and masked as INTERNAL_SERVER_ERROR.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  /** A representation or root field addressed to a country this member does not serve. */
  COUNTRY_NOT_SERVED: 'COUNTRY_NOT_SERVED',
  /** A root field addressed to a country with no registered member. */
  MEMBER_NOT_REGISTERED: 'MEMBER_NOT_REGISTERED',
  /** A registered member that failed: refused, timed out, HTTP error, garbage, quarantined. */
  MEMBER_UNAVAILABLE: 'MEMBER_UNAVAILABLE',
  /** A query whose fan-out cost (the members it reaches, the lists it asks for) is over the hub's budget. */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** A client over its request-rate or concurrency limit (HTTP 429, with Retry-After). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** One of the hub's own services (regional, knowledge) did not answer. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An expected failure raised by a service (which does not import graphql).
 * The error masker turns it into a GraphQL error with `extensions.code` and
 * `details` as extensions. Never put SQL, URLs or stacks in the message.
 */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** BAD_USER_INPUT naming the offending field. */
export function badInput(field: string, message: string, details: Record<string, unknown> = {}): HubError {
  return new HubError(ErrorCode.BAD_USER_INPUT, message, { ...details, field });
}
