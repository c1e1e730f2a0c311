import type { Role } from './roles.js';

/** Who is asking: decided from the bearer token alone, in every service. */
export interface Principal {
  /** `sub` of the token; "anonymous" without one. */
  subject: string;
  roles: readonly Role[];
  /** ISO 3166-1 alpha-2 code of a focal point's country. */
  country: string | null;
  /** Regional organisations (AU, EU, OSCE) of an analyst. */
  orgs: readonly string[];
  anonymous: boolean;
}

export const ANONYMOUS: Principal = Object.freeze({ subject: 'anonymous', roles: [], country: null, orgs: [], anonymous: true });

export function hasRole(principal: Principal, ...roles: Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}
