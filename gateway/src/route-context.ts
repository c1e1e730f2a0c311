import type { Logger, Principal } from '@wps/kit';
import type { MemberDirectory, MemberRecord } from './member-directory.js';
import type { MemberFailure } from './member-failure.js';
import type { MemberAnswer, MemberRequest } from './member-transport.js';

/** What routing needs from the MemberRouter for one fetch. */
export interface RouteContext {
  directory: MemberDirectory;
  /** Send one request to one member: its answer, or why it failed. */
  ask(member: MemberRecord, request: MemberRequest): Promise<MemberAnswer | MemberFailure>;
  /** The verified caller of the incoming request (the public when there is none). */
  principal: Principal;
  logger: Logger;
}
