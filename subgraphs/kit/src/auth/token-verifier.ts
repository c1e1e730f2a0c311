import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { defineEnv, ConfigError, type EnvValues } from '../config.js';
import { ErrorCode, HubError } from '../hub-error.js';
import { ANONYMOUS, type Principal } from './principal.js';
import { ROLES, type Role } from './roles.js';

/** Variables every service reads to verify tokens. */
export const authEnv = defineEnv({
  AUTH_JWKS_URL: { kind: 'url', describe: 'JWKS endpoint of the token issuer (production)' },
  AUTH_JWKS_FILE: { kind: 'string', describe: 'A JWKS file with the public keys tokens are signed with (the embedded default, containers)' },
  AUTH_ISSUER: { kind: 'string', default: 'wps-federation-hub', describe: 'Expected `iss` of tokens' },
  AUTH_AUDIENCE: { kind: 'string', default: 'wps-federation-hub', describe: 'Expected `aud` of tokens' },
});

export interface AuthConfig {
  jwksUrl?: string;
  jwksFile?: string;
  issuer: string;
  audience: string;
}

export function authConfigFrom(values: EnvValues<typeof authEnv.spec>): AuthConfig {
  if (!values.AUTH_JWKS_URL && !values.AUTH_JWKS_FILE) {
    throw new ConfigError('AUTH_JWKS_FILE', 'is not set (nor AUTH_JWKS_URL)', 'Point AUTH_JWKS_FILE at the issuer public keys (npm start writes .data/keys/jwks.json) or set AUTH_JWKS_URL');
  }
  return { jwksUrl: values.AUTH_JWKS_URL, jwksFile: values.AUTH_JWKS_FILE, issuer: values.AUTH_ISSUER, audience: values.AUTH_AUDIENCE };
}

export interface TokenVerifier {
  /**
   * The principal of an `Authorization` header: anonymous without one; a
   * token that is malformed, expired, wrongly signed, from another issuer or
   * for another audience is rejected with UNAUTHENTICATED, never downgraded
   * to public access.
   */
  verify(authorization: string | undefined): Promise<Principal>;
}

const unauthenticated = (message: string) => new HubError(ErrorCode.UNAUTHENTICATED, message);

function principalOf(payload: JWTPayload): Principal {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is Role => ROLES.includes(role as Role)) : [];
  const country = typeof payload.country === 'string' && /^[A-Z]{2}$/.test(payload.country) ? payload.country : null;
  const orgs = Array.isArray(payload.orgs) ? payload.orgs.filter((org): org is string => typeof org === 'string') : [];
  if (!payload.sub) throw unauthenticated('The token has no subject.');
  return { subject: payload.sub, roles, country, orgs, anonymous: false };
}

/** Verify bearer JWTs (ES256, RS256 or EdDSA) against a key set, with `jose`. */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const keySet = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl))
    : createLocalJWKSet(JSON.parse(readFileSync(config.jwksFile!, 'utf8')) as JSONWebKeySet);
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
          clockTolerance: 30,
        });
        return principalOf(payload);
      } catch (error) {
        if (error instanceof HubError) throw error;
        if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired.');
        if (error instanceof errors.JWTClaimValidationFailed) throw unauthenticated(`The token is not valid here (${error.claim}).`);
        throw unauthenticated('The token could not be verified.');
      }
    },
  };
}
