/** Why a member's part of a fetch failed (shown to clients as `extensions.reason`; never a URL). */
export type FailureReason = 'timeout' | 'unreachable' | 'http_error' | 'invalid_response' | 'quarantined' | 'offline' | 'circuit_open';

/** A member's part of a fetch that failed, and why. */
export class MemberFailure {
  constructor(readonly reason: FailureReason) {}
}

/** The member answered with a status other than 2xx (a redirect included: redirects are never followed). */
export class MemberHttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`member answered HTTP ${status}`);
  }

  /** A 4xx answers the client's request (too large, malformed, refused token): it says nothing of the member's health. */
  get causedByRequest(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

/** The member's answer passed the byte cap: the read was aborted there, nothing more was buffered. */
export class MemberAnswerTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`member answer larger than ${limitBytes} bytes`);
  }
}

/** The member's answer was not a JSON object. */
export class MemberAnswerInvalidError extends Error {
  constructor(what: string) {
    super(`member answer ${what}`);
  }
}

/** The whole request (connect, headers and body read) passed its deadline. */
export class MemberDeadlineError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`member did not answer in full within ${timeoutMs} ms`);
  }
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

/** The DOMException an aborted request rejects with (AbortSignal.timeout gives `TimeoutError`). */
function isDeadline(error: unknown): boolean {
  return error instanceof MemberDeadlineError || (isRecord(error) && (error.name === 'TimeoutError' || error.name === 'AbortError'));
}

/**
 * Why a call to a member failed, from typed signals only (never the error's
 * message): opossum's open-circuit code; the transport's own errors (a
 * deadline, a non-2xx status, an answer over the byte cap or not a JSON
 * object); a DOMException `TimeoutError` or `AbortError` or a timeout code;
 * a socket, DNS, undici or refused-address code, on the error or its
 * `cause`. An answer over the cap is an invalid response (the reasons are
 * the ones the README lists for clients). Anything else is an invalid response.
 */
export function classifyFailure(error: unknown): FailureReason {
  const code = codeOf(error);
  if (code === OPEN_CIRCUIT_CODE) return 'circuit_open';
  if (error instanceof MemberHttpStatusError) return 'http_error';
  if (error instanceof MemberAnswerTooLargeError || error instanceof MemberAnswerInvalidError) return 'invalid_response';
  const cause = isRecord(error) ? error.cause : undefined;
  if (isDeadline(error) || isDeadline(cause)) return 'timeout';
  const causeCode = codeOf(cause);
  if ((code && TIMEOUT_CODES.has(code)) || (causeCode && TIMEOUT_CODES.has(causeCode))) return 'timeout';
  if (code || causeCode) return 'unreachable';
  return 'invalid_response';
}

/**
 * True when a failure answers the client's request rather than showing the
 * member unwell (a 4xx): it does not count against the member's circuit.
 */
export function isCausedByRequest(error: unknown): boolean {
  return error instanceof MemberHttpStatusError && error.causedByRequest;
}
