import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { importJWK, SignJWT, type JWK, type KeyLike } from 'jose';
import { readFileSync } from 'node:fs';
import { errorMessage } from '../error-message.js';
import type { Logger } from '../logger.js';
import { forwardsTokenTo } from './access.js';
import { Role } from './roles.js';
import { countryOfMemberAudience, createTokenVerifier, HUB_AUDIENCE, memberAudience, type AuthConfig } from './token-verifier.js';

/** RFC 8693 names. */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
export const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';

/** Longest lifetime of a member-bound token, whatever is configured (issue 9: at most 5 minutes). */
export const MAX_MEMBER_TOKEN_LIFETIME_S = 300;

/** A client of the issuer (the gateway): it authenticates with HTTP Basic (client_secret_basic). */
export interface IssuerClient {
  id: string;
  secret: string;
  /** `sub` of its service credential (client_credentials), e.g. service:gateway. */
  subject: string;
}

export interface TokenIssuerOptions {
  /** Private JWK (ES256) the issuer signs with: the key whose public half every service verifies against. */
  privateKeyFile: string;
  /** How subject tokens are verified: the issuer's own keys, issuer and the hub audience. */
  subjectTokens: AuthConfig;
  clients: readonly IssuerClient[];
  /** Lifetime of a service credential minted by client_credentials, in seconds. */
  serviceTokenLifetimeS: number;
  /** Lifetime of a member-bound token, in seconds (capped at 300 and at the subject token's own expiry). */
  memberTokenLifetimeS: number;
  logger: Logger;
}

export interface TokenIssuer {
  app: express.Express;
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The client named by an `Authorization: Basic` header, or 401 invalid_client (RFC 6749 §2.3.1, §5.2). */
function authenticateClient(header: string | undefined, clients: readonly IssuerClient[]): IssuerClient {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header?.trim() ?? '');
  if (!match) throw new OAuthError(401, 'invalid_client', 'Client authentication (HTTP Basic) is required.');
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const [id, secret] = colon < 0 ? [decoded, ''] : [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))];
  const client = clients.find((candidate) => candidate.id === id);
  if (!client || !timingSafeEqual(digest(client.secret), digest(secret))) throw new OAuthError(401, 'invalid_client', 'Unknown client or wrong secret.');
  return client;
}

/** The one target a member-bound token may be for: `audience=nap:CC` (or `resource` of the same value). */
function targetCountry(body: Record<string, unknown>): string {
  const targets = [body.audience, body.resource].filter((value) => value !== undefined);
  if (targets.length === 0) throw new OAuthError(400, 'invalid_request', 'audience (nap:<CC>) is required.');
  if (targets.some((value) => typeof value !== 'string') || new Set(targets).size !== 1) throw new OAuthError(400, 'invalid_target', 'Exactly one audience may be asked for.');
  const country = countryOfMemberAudience(targets[0] as string);
  if (!country) throw new OAuthError(400, 'invalid_target', 'The audience must be nap:<ISO country code>.');
  return country;
}

/**
 * The embedded default's identity provider: an OAuth 2.0 token endpoint
 * (POST /token, form-encoded) with two grants.
 *
 * - `client_credentials`: the gateway's service credential (sub = the
 *   client's subject, role HUB_SERVICE, aud = the hub), with its own
 *   lifetime; the gateway fetches a fresh one before the last expires.
 * - RFC 8693 token exchange: `subject_token` = a caller's hub token,
 *   `audience` = `nap:<CC>`. The issuer verifies the subject token itself
 *   (signature, issuer, hub audience, exp and lifetime) and mints only where
 *   that token gives rights at that member (kit `forwardsTokenTo`: its own
 *   focal points). The new token keeps the subject's sub, roles, country and
 *   orgs, has `aud` nap:<CC> alone, `act` naming the client that asked, and
 *   lives at most 5 minutes and never past the subject token.
 *
 * So members trust the issuer, not the hub: a hub that holds a caller's hub
 * token can get a member token for that caller, for that caller's own
 * member, for 5 minutes; nothing else.
 */
export async function createTokenIssuer(options: TokenIssuerOptions): Promise<TokenIssuer> {
  const jwk = JSON.parse(readFileSync(options.privateKeyFile, 'utf8')) as JWK;
  const key = (await importJWK(jwk, 'ES256')) as KeyLike;
  const verifier = createTokenVerifier({ ...options.subjectTokens, audience: HUB_AUDIENCE });
  const memberLifetimeS = Math.min(options.memberTokenLifetimeS, MAX_MEMBER_TOKEN_LIFETIME_S);
  const issuer = options.subjectTokens.issuer;

  const sign = (claims: Record<string, unknown>, subject: string, audience: string, lifetimeS: number) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
      .setIssuer(issuer)
      .setSubject(subject)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeS)
      .setJti(randomUUID())
      .sign(key);
  };

  const clientCredentials = async (client: IssuerClient) => {
    const lifetime = options.serviceTokenLifetimeS;
    const token = await sign({ roles: [Role.HUB_SERVICE] }, client.subject, HUB_AUDIENCE, lifetime);
    options.logger.info('service credential issued', { client: client.id, expiresIn: lifetime });
    return { access_token: token, token_type: 'Bearer', expires_in: lifetime };
  };

  const exchange = async (client: IssuerClient, body: Record<string, unknown>) => {
    if (typeof body.subject_token !== 'string' || body.subject_token === '') throw new OAuthError(400, 'invalid_request', 'subject_token is required.');
    if (body.subject_token_type !== ACCESS_TOKEN_TYPE && body.subject_token_type !== JWT_TOKEN_TYPE) {
      throw new OAuthError(400, 'invalid_request', 'subject_token_type must be an access token or a JWT.');
    }
    if (body.requested_token_type !== undefined && body.requested_token_type !== ACCESS_TOKEN_TYPE) {
      throw new OAuthError(400, 'invalid_request', 'Only access tokens are issued.');
    }
    if (body.actor_token !== undefined) throw new OAuthError(400, 'invalid_request', 'actor_token is not supported: the authenticated client is the actor.');
    const countryCode = targetCountry(body);
    let principal;
    try {
      principal = await verifier.verify(`Bearer ${body.subject_token}`);
    } catch (error) {
      throw new OAuthError(400, 'invalid_grant', `The subject token is not valid: ${errorMessage(error)}`);
    }
    if (!forwardsTokenTo(principal, countryCode)) throw new OAuthError(400, 'invalid_target', `The subject has no rights at ${memberAudience(countryCode)}.`);
    const subjectExp = JSON.parse(Buffer.from(body.subject_token.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number };
    const lifetime = Math.max(1, Math.min(memberLifetimeS, subjectExp.exp - Math.floor(Date.now() / 1000)));
    const claims = {
      roles: principal.roles,
      ...(principal.country ? { country: principal.country } : {}),
      ...(principal.orgs.length > 0 ? { orgs: principal.orgs } : {}),
      act: { sub: client.subject },
    };
    const token = await sign(claims, principal.subject, memberAudience(countryCode), lifetime);
    return { access_token: token, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', expires_in: lifetime };
  };

  const app = express();
  app.disable('x-powered-by');
  app.post('/token', express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }), (req, res) => {
    void (async () => {
      try {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const client = authenticateClient(req.headers.authorization, options.clients);
        let answer: Record<string, unknown>;
        if (body.grant_type === 'client_credentials') answer = await clientCredentials(client);
        else if (body.grant_type === TOKEN_EXCHANGE_GRANT) answer = await exchange(client, body);
        else throw new OAuthError(400, 'unsupported_grant_type', 'Use client_credentials or token exchange (RFC 8693).');
        res.set('cache-control', 'no-store').json(answer);
      } catch (error) {
        const oauth = error instanceof OAuthError ? error : new OAuthError(500, 'server_error', 'The issuer failed.');
        if (!(error instanceof OAuthError)) options.logger.error(`token request failed: ${errorMessage(error)}`);
        if (oauth.status === 401) res.set('www-authenticate', 'Basic realm="token"');
        res.status(oauth.status).set('cache-control', 'no-store').json({ error: oauth.error, error_description: oauth.message });
      }
    })();
  });
  app.get('/health', (_req, res) => void res.json({ status: 'ok' }));
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    void _next;
    void _error;
    res.status(400).set('cache-control', 'no-store').json({ error: 'invalid_request', error_description: 'The request body could not be read.' });
  });

  const server = http.createServer(app);
  return {
    app,
    async listen(port, host = '127.0.0.1') {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      return `http://${host}:${address.port}/token`;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
