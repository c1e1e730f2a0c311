import { ErrorCode, HubError } from '../hub-error.js';
import { hasRole, type Principal } from './principal.js';
import { Role } from './roles.js';

/** UNAUTHENTICATED for the public, FORBIDDEN for a principal without any of the roles. */
export function requireRole(principal: Principal, roles: Role[], action: string): void {
  if (principal.anonymous) throw new HubError(ErrorCode.UNAUTHENTICATED, `Sign in to ${action}.`);
  if (!hasRole(principal, ...roles)) throw new HubError(ErrorCode.FORBIDDEN, `Only ${roles.join(' or ')} may ${action}.`);
}

/** A focal point writes only their own country's data. */
export function requireFocalPointOf(principal: Principal, countryCode: string, action: string): void {
  requireRole(principal, [Role.FOCAL_POINT], action);
  if (principal.country !== countryCode) {
    throw new HubError(ErrorCode.FORBIDDEN, `A focal point of ${principal.country ?? 'no country'} may not ${action} for ${countryCode}.`, { country: countryCode });
  }
}

/**
 * The drafts rule: whether the principal may see a country's unpublished
 * data (plans, indicators, measurements not yet published). Its own focal
 * points only; the NAP subgraph decides draft visibility with it.
 */
export function canSeeDraftsOf(principal: Principal, countryCode: string): boolean {
  return hasRole(principal, Role.FOCAL_POINT) && principal.country === countryCode;
}

/**
 * The write rule at the hub: whether the principal may write a country's
 * data through the gateway (its own focal points only). The gateway refuses
 * any other signed-in caller's mutation for that country before it reaches
 * the member, so a member never receives another country's focal point's
 * write (or token); the member checks again with `requireFocalPointOf`.
 */
export function mayWriteFor(principal: Principal, countryCode: string): boolean {
  return hasRole(principal, Role.FOCAL_POINT) && principal.country === countryCode;
}

/**
 * The token-forwarding rule: whether the gateway sends the caller's token
 * to a country's member. Only where the token gives rights at that member
 * (drafts or writes); every other caller reads public data there, for which
 * a member needs no token, so no member state holds a token it could replay
 * at another member.
 */
export function forwardsTokenTo(principal: Principal, countryCode: string): boolean {
  return canSeeDraftsOf(principal, countryCode) || mayWriteFor(principal, countryCode);
}
