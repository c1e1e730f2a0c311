import type { Logger, Principal } from '@wps/kit';
import type { MemberDirectory, MemberRecord } from './member-directory.js';
import type { MemberFailure } from './member-failure.js';
import type { MemberAnswer, MemberRequest } from './member-transport.js';

/** A member's answer accepted for merging (what routing keeps of it), or why it is refused (for the log). */
export type Verdict<T> = { accepted: T } | { refused: string };

/** Checks a member's answer and makes the caller's own copy of what it accepts (member-answer-check.ts). */
export type AnswerCheck<T> = (answer: MemberAnswer) => Verdict<T>;

/** What routing needs from the MemberRouter for one fetch. */
export interface RouteContext {
  directory: MemberDirectory;
  /**
   * Send one request to one member and check its answer: what `check`
   * accepts, or why it failed. An answer `check` refuses is the member's
   * failure (`invalid_response`) and counts against its circuit breaker,
   * like a 5xx: a member that keeps answering outside the contract is not
   * asked for a while.
   */
  ask<T>(member: MemberRecord, request: MemberRequest, check: AnswerCheck<T>): Promise<T | MemberFailure>;
  /** The verified caller of the incoming request (the public when there is none). */
  principal: Principal;
  logger: Logger;
}
