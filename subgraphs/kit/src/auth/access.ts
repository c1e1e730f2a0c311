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

/** Whether the principal may see a country's unpublished data (its own focal points only). */
export function canSeeDraftsOf(principal: Principal, countryCode: string): boolean {
  return hasRole(principal, Role.FOCAL_POINT) && principal.country === countryCode;
}
