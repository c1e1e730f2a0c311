import { createHash } from 'node:crypto';
import { forwardsTokenTo, JWT_TOKEN_TYPE, memberAudience, TOKEN_EXCHANGE_GRANT, ACCESS_TOKEN_TYPE, type Logger, type Principal } from '@wps/kit';
import { TokenEndpointError, type IssuedToken, type TokenEndpoint } from './token-endpoint.js';

/** A cached token is not handed out in the last part of its life (it must still be valid when the member checks it). */
export const MEMBER_TOKEN_MARGIN_MS = 30_000;

/**
 * The token a member receives, instead of the caller's hub token.
 * `tokenFor` answers the `Authorization` value to send to the member, or
 * undefined to send none.
 */
export interface MemberTokens {
  tokenFor(principal: Principal, rawToken: string | undefined, countryCode: string): Promise<string | undefined>;
}

/** Without a token endpoint the gateway sends members no token at all: they serve the public. */
export const NO_MEMBER_TOKENS: MemberTokens = { tokenFor: async () => undefined };

interface CacheEntry {
  /** Which hub token it was minted from: another token of the same subject mints anew. */
  fingerprint: string;
  token: IssuedToken;
}

const bearer = (authorization: string) => /^Bearer\s+(\S+)$/.exec(authorization.trim())?.[1];

/**
 * Member-bound tokens by RFC 8693 token exchange at the identity provider:
 * the caller's hub token as `subject_token`, `audience` nap:<CC>, the
 * gateway authenticated as a client. Only where the token gives rights at
 * that member (kit `forwardsTokenTo`: its own focal points); everyone else
 * reads public data there with no token.
 *
 * One cache entry per (subject, member), kept for the token's lifetime minus
 * a margin, so a member sees one token per signed-in user (keep-alive and
 * the gateway's deduplication still work). Concurrent requests for the same
 * entry share one exchange.
 */
export class ExchangingMemberTokens implements MemberTokens {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly pending = new Map<string, Promise<IssuedToken>>();
  /** How many exchanges were asked of the issuer (for the logs and tests). */
  minted = 0;

  constructor(
    private readonly endpoint: TokenEndpoint,
    private readonly logger: Logger,
    private readonly marginMs = MEMBER_TOKEN_MARGIN_MS,
  ) {}

  async tokenFor(principal: Principal, rawToken: string | undefined, countryCode: string): Promise<string | undefined> {
    const subjectToken = rawToken ? bearer(rawToken) : undefined;
    if (!subjectToken || principal.anonymous || !forwardsTokenTo(principal, countryCode)) return undefined;
    const key = `${principal.subject}\u0000${countryCode}`;
    const fingerprint = createHash('sha256').update(subjectToken).digest('base64url');
    const cached = this.cache.get(key);
    if (cached && cached.fingerprint === fingerprint && cached.token.expiresAt - this.marginMs > Date.now()) return `Bearer ${cached.token.token}`;

    const flightKey = `${key}\u0000${fingerprint}`;
    let flight = this.pending.get(flightKey);
    if (!flight) {
      flight = this.exchange(subjectToken, countryCode).finally(() => this.pending.delete(flightKey));
      this.pending.set(flightKey, flight);
    }
    const token = await flight;
    this.cache.set(key, { fingerprint, token });
    this.sweep();
    return `Bearer ${token.token}`;
  }

  private async exchange(subjectToken: string, countryCode: string): Promise<IssuedToken> {
    this.minted += 1;
    try {
      return await this.endpoint.request({
        grant_type: TOKEN_EXCHANGE_GRANT,
        subject_token: subjectToken,
        subject_token_type: JWT_TOKEN_TYPE,
        requested_token_type: ACCESS_TOKEN_TYPE,
        audience: memberAudience(countryCode),
      });
    } catch (error) {
      this.logger.warn('token exchange for a member failed', { country: countryCode, error: error instanceof TokenEndpointError ? `${error.status} ${error.error}` : 'unknown' });
      throw error;
    }
  }

  /** Drop expired entries now and then, so the cache holds only live tokens. */
  private sweep(): void {
    if (this.cache.size < 1024) return;
    const now = Date.now();
    for (const [key, entry] of this.cache) if (entry.token.expiresAt - this.marginMs <= now) this.cache.delete(key);
  }
}
