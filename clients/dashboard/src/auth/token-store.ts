/**
 * The bearer token lives in sessionStorage (this tab only, gone when it
 * closes), never in a cookie: no other site can ride on it. Signing out
 * removes it.
 */
const KEY = 'wps-hub-token';

export function readToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY);
}

export interface TokenClaims {
  sub?: string;
  roles: string[];
  country?: string;
  exp?: number;
}

/** The claims of a JWT, read (not verified: the hub verifies) to show who is signed in. */
export function decodeClaims(token: string): TokenClaims | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const payload = JSON.parse(json) as { sub?: unknown; roles?: unknown; country?: unknown; exp?: unknown };
    return {
      sub: typeof payload.sub === 'string' ? payload.sub : undefined,
      roles: Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [],
      country: typeof payload.country === 'string' ? payload.country : undefined,
      exp: typeof payload.exp === 'number' ? payload.exp : undefined,
    };
  } catch {
    return undefined;
  }
}
