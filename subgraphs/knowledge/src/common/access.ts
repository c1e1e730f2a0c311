import { hasRole, Role, type Principal } from '@wps/kit';

/**
 * Access rules of the knowledge exchange (ARCHITECTURE.md section 5):
 * - the public reads published practices, sessions, resources and the forum
 *   threads of open sessions that are not under the Chatham House rule;
 * - network members (NETWORK_MEMBER, FOCAL_POINT, NETWORK_ADMIN) propose
 *   practices, register for sessions, post to the forum, read every thread
 *   and the focal point directory;
 * - NETWORK_ADMIN moderates practices, schedules sessions, invites and
 *   decides registration requests;
 * - drafts and rejected proposals are seen by their proposer and admins only.
 */
export const NETWORK_ROLES: Role[] = [Role.NETWORK_MEMBER, Role.FOCAL_POINT, Role.NETWORK_ADMIN];
export const ADMIN_ROLES: Role[] = [Role.NETWORK_ADMIN];

export function isNetworkMember(principal: Principal): boolean {
  return !principal.anonymous && hasRole(principal, ...NETWORK_ROLES);
}

export function isNetworkAdmin(principal: Principal): boolean {
  return !principal.anonymous && hasRole(principal, Role.NETWORK_ADMIN);
}
