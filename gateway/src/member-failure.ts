/** Why a member's part of a fetch failed (shown to clients as `extensions.reason`; never a URL). */
export type FailureReason = 'timeout' | 'unreachable' | 'http_error' | 'invalid_response' | 'quarantined' | 'offline' | 'circuit_open';

/** A member's part of a fetch that failed, and why. */
export class MemberFailure {
  constructor(readonly reason: FailureReason) {}
}

/** Error codes of Node's sockets and undici that mean the deadline passed. */
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** opossum's code for a call refused by an open circuit. */
const OPEN_CIRCUIT_CODE = 'EOPENBREAKER';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The string `code` of a Node system error, an undici error or opossum's, if it has one. */
function codeOf(error: unknown): string | undefined {
  return isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
}

/** The HTTP status RemoteGraphQLDataSource puts on the error it throws for a non-2xx answer. */
function httpStatusOf(error: unknown): number | undefined {
  if (!isRecord(error) || !isRecord(error.extensions) || !isRecord(error.extensions.response)) return undefined;
  const status = error.extensions.response.status;
  return typeof status === 'number' ? status : undefined;
}

/** The DOMException an aborted fetch rejects with (AbortSignal.timeout gives `TimeoutError`). */
function isDeadline(error: unknown): boolean {
  return isRecord(error) && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * Why a call to a member failed, from typed signals only (never the error's
 * message): opossum's open-circuit code; a DOMException `TimeoutError` or
 * `AbortError` (the fetcher's deadline) or a timeout code; the HTTP status of
 * a non-2xx answer; a socket or DNS error code, on the error or on the
 * `cause` of fetch's `TypeError`. Anything else (a body that is not JSON, not
 * an object) is an invalid response.
 */
export function classifyFailure(error: unknown): FailureReason {
  const code = codeOf(error);
  if (code === OPEN_CIRCUIT_CODE) return 'circuit_open';
  const cause = isRecord(error) ? error.cause : undefined;
  if (isDeadline(error) || isDeadline(cause)) return 'timeout';
  const causeCode = codeOf(cause);
  if ((code && TIMEOUT_CODES.has(code)) || (causeCode && TIMEOUT_CODES.has(causeCode))) return 'timeout';
  if (httpStatusOf(error) !== undefined) return 'http_error';
  if (code || causeCode) return 'unreachable';
  return 'invalid_response';
}
