import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { defineEnv, ConfigError, type EnvValues } from '../config.js';
import { isCountryCode } from '../country-code.js';
import { ErrorCode, HubError } from '../hub-error.js';
import { ANONYMOUS, type Principal } from './principal.js';
import { Role, ROLES } from './roles.js';

/** The audience the hub's own services (gateway, regional, knowledge) accept: hub tokens. */
export const HUB_AUDIENCE = 'wps-federation-hub';

/**
 * The audience of a member state's NAP subgraph, `nap:<CC>`: the only
 * tokens a member accepts. The issuer mints them by token exchange
 * (RFC 8693) for the member's own focal points; a token for one member is
 * worth nothing at the hub or at another member.
 */
export function memberAudience(countryCode: string): string {
  return `nap:${countryCode}`;
}

/** The member state a member audience (`nap:CC`) names, or null when the value is not one. */
export function countryOfMemberAudience(audience: string): string | null {
  const country = audience.startsWith('nap:') ? audience.slice(4) : '';
  return isCountryCode(country) ? country : null;
}

/** Variables every service reads to verify tokens. */
export const authEnv = defineEnv({
  AUTH_JWKS_URL: { kind: 'url', describe: 'JWKS endpoint of the token issuer (production)' },
  AUTH_JWKS_FILE: { kind: 'string', describe: 'A JWKS file with the public keys tokens are signed with (the embedded default, containers)' },
  AUTH_ISSUER: { kind: 'string', default: 'wps-federation-hub', describe: 'Expected `iss` of tokens' },
  AUTH_AUDIENCE: { kind: 'string', default: HUB_AUDIENCE, describe: 'Expected `aud` of tokens at the hub\'s services (a member state\'s NAP subgraph accepts only nap:<its country code>)' },
  AUTH_MAX_TOKEN_LIFETIME_S: { kind: 'int', default: '43200', min: 60, describe: 'Longest lifetime (exp minus iat) of a user token accepted, in seconds; a token without exp is refused' },
  AUTH_MAX_SERVICE_TOKEN_LIFETIME_S: { kind: 'int', default: '31536000', min: 60, describe: "Longest lifetime of a service credential (a HUB_SERVICE token) accepted, in seconds (npm start: the issuer's ISSUER_SERVICE_TOKEN_LIFETIME_S)" },
  AUTH_CLOCK_SKEW_S: { kind: 'int', default: '30', min: 0, max: 300, describe: 'Clock skew tolerated on exp, nbf and iat, in seconds' },
});

export interface AuthConfig {
  jwksUrl?: string;
  jwksFile?: string;
  issuer: string;
  audience: string;
  /** Longest accepted lifetime of a user token, in seconds (default 12 h). */
  maxLifetimeS?: number;
  /** Longest accepted lifetime of a HUB_SERVICE token, in seconds (default 365 days). */
  maxServiceLifetimeS?: number;
  /** Tolerated clock skew, in seconds (default 30). */
  clockSkewS?: number;
}

export const DEFAULT_MAX_TOKEN_LIFETIME_S = 43_200;
export const DEFAULT_MAX_SERVICE_TOKEN_LIFETIME_S = 31_536_000;
export const DEFAULT_CLOCK_SKEW_S = 30;

export function authConfigFrom(values: EnvValues<typeof authEnv.spec>, overrides: { audience?: string } = {}): AuthConfig {
  if (!values.AUTH_JWKS_URL && !values.AUTH_JWKS_FILE) {
    throw new ConfigError('AUTH_JWKS_FILE', 'is not set (nor AUTH_JWKS_URL)', 'Point AUTH_JWKS_FILE at the issuer public keys (npm start writes .data/keys/jwks.json) or set AUTH_JWKS_URL');
  }
  return {
    jwksUrl: values.AUTH_JWKS_URL,
    jwksFile: values.AUTH_JWKS_FILE,
    issuer: values.AUTH_ISSUER,
    audience: overrides.audience ?? values.AUTH_AUDIENCE,
    maxLifetimeS: values.AUTH_MAX_TOKEN_LIFETIME_S,
    maxServiceLifetimeS: values.AUTH_MAX_SERVICE_TOKEN_LIFETIME_S,
    clockSkewS: values.AUTH_CLOCK_SKEW_S,
  };
}

export interface TokenVerifier {
  /**
   * The principal of an `Authorization` header: anonymous without one; a
   * token that is malformed, expired, not yet valid, without `exp`, living
   * longer than allowed, wrongly signed, from another issuer or for another
   * audience is rejected with UNAUTHENTICATED, never downgraded to public
   * access.
   */
  verify(authorization: string | undefined): Promise<Principal>;
}

const unauthenticated = (message: string) => new HubError(ErrorCode.UNAUTHENTICATED, message);

function principalOf(payload: JWTPayload): Principal {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is Role => ROLES.includes(role as Role)) : [];
  const country = isCountryCode(payload.country) ? payload.country : null;
  const orgs = Array.isArray(payload.orgs) ? payload.orgs.filter((org): org is string => typeof org === 'string') : [];
  if (!payload.sub) throw unauthenticated('The token has no subject.');
  return { subject: payload.sub, roles, country, orgs, anonymous: false };
}

/**
 * The time rules jose leaves open: `exp` is required, `iat` may not lie in
 * the future, and the token's lifetime (from `iat`, or from now without
 * one) may not exceed the maximum for its kind (service credentials have
 * their own). `exp` and `nbf` themselves are checked by jwtVerify.
 */
function checkLifetime(payload: JWTPayload, config: AuthConfig, skewS: number): void {
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== 'number') throw unauthenticated('The token has no expiry (exp).');
  if (payload.iat !== undefined && (typeof payload.iat !== 'number' || payload.iat > now + skewS)) throw unauthenticated('The token is not valid here (iat).');
  const isService = Array.isArray(payload.roles) && payload.roles.includes(Role.HUB_SERVICE);
  const max = isService ? (config.maxServiceLifetimeS ?? DEFAULT_MAX_SERVICE_TOKEN_LIFETIME_S) : (config.maxLifetimeS ?? DEFAULT_MAX_TOKEN_LIFETIME_S);
  const lifetime = payload.exp - (typeof payload.iat === 'number' ? payload.iat : now);
  if (lifetime > max + skewS) throw unauthenticated(`The token lives longer than this service accepts (at most ${max} s).`);
}

/** Verify bearer JWTs (ES256, RS256 or EdDSA) against a key set, with `jose`. */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const keySet = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : createLocalJWKSet(JSON.parse(readFileSync(config.jwksFile!, 'utf8')) as JSONWebKeySet);
  const skewS = config.clockSkewS ?? DEFAULT_CLOCK_SKEW_S;
  return {
    async verify(authorization) {
      if (authorization === undefined || authorization === '') return ANONYMOUS;
      const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization.trim());
      if (!match) throw unauthenticated('The Authorization header must be "Bearer <JWT>".');
      try {
        const { payload } = await jwtVerify(match[1]!, keySet, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: ['ES256', 'RS256', 'EdDSA'],
          clockTolerance: skewS,
        });
        checkLifetime(payload, config, skewS);
        return principalOf(payload);
      } catch (error) {
        if (error instanceof HubError) throw error;
        if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired.');
        if (error instanceof errors.JWTClaimValidationFailed) {
          if (error.claim === 'nbf') throw unauthenticated('The token is not valid yet (nbf).');
          throw unauthenticated(`The token is not valid here (${error.claim}).`);
        }
        throw unauthenticated('The token could not be verified.');
      }
    },
  };
}
