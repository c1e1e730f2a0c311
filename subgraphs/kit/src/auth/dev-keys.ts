import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { Role } from './roles.js';

/**
 * Development keys for the embedded default: an ES256 key pair kept in a
 * folder (private.jwk.json, and jwks.json with the public key the services
 * verify against). Created on first use, reused afterwards.
 */
export async function ensureDevKeys(folder: string): Promise<{ jwksFile: string; privateKeyFile: string }> {
  const privateKeyFile = path.join(folder, 'private.jwk.json');
  const jwksFile = path.join(folder, 'jwks.json');
  if (!existsSync(privateKeyFile) || !existsSync(jwksFile)) {
    mkdirSync(folder, { recursive: true });
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = `dev-${new Date().toISOString().slice(0, 10)}`;
    writeFileSync(privateKeyFile, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256' }), { mode: 0o600 });
    writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] }, null, 2));
  }
  return { jwksFile, privateKeyFile };
}

export interface TokenClaims {
  subject: string;
  roles: Role[];
  country?: string;
  orgs?: string[];
  /** Lifetime, e.g. "8h" (default), "-1h"; null signs a token without `exp` (which every service refuses). */
  expiresIn?: string | null;
  /** `nbf`, e.g. "10m" (not valid for ten minutes). */
  notBefore?: string;
  /** `iat` in epoch seconds (default now). */
  issuedAt?: number;
  issuer?: string;
  audience?: string;
}

/** Sign a token with a private JWK file (development tokens, the gateway's service credential). */
export async function signDevToken(privateKeyFile: string, claims: TokenClaims): Promise<string> {
  const jwk = JSON.parse(readFileSync(privateKeyFile, 'utf8')) as JWK;
  const key = await importJWK(jwk, 'ES256');
  const jwt = new SignJWT({ roles: claims.roles, ...(claims.country ? { country: claims.country } : {}), ...(claims.orgs ? { orgs: claims.orgs } : {}) })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setSubject(claims.subject)
    .setIssuer(claims.issuer ?? 'wps-federation-hub')
    .setAudience(claims.audience ?? 'wps-federation-hub')
    .setIssuedAt(claims.issuedAt);
  if (claims.expiresIn !== null) jwt.setExpirationTime(claims.expiresIn ?? '8h');
  if (claims.notBefore) jwt.setNotBefore(claims.notBefore);
  return jwt.sign(key);
}

/** The claims of a JWT, unverified (to look at a token the hub minted or forwarded; never to trust one). */
export function decodeTokenClaims(token: string): JWTPayload {
  return decodeJwt(token.replace(/^Bearer\s+/, ''));
}
