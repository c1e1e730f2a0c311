import type { Logger } from '@wps/kit';
import type { IssuedToken, TokenEndpoint } from './token-endpoint.js';

/** Where the gateway's HUB_SERVICE credential comes from: a token, or none. */
export interface ServiceCredential {
  token(): Promise<string | undefined>;
}

/** A fixed credential (REGISTRY_TOKEN_FILE: a deployment without a token endpoint). */
export const staticCredential = (token: string | undefined): ServiceCredential => ({ token: async () => token });

/**
 * The gateway's service credential by client_credentials, rotated: a new
 * one is fetched once two thirds of the current one's life have passed (so
 * it never goes out expired, whatever lifetime the issuer gives it), and
 * concurrent callers share one fetch. A failed fetch keeps the current one
 * while it is still valid.
 */
export class RotatingCredential implements ServiceCredential {
  private current: { token: IssuedToken; refreshAt: number } | undefined;
  private pending: Promise<IssuedToken> | undefined;
  /** Credentials fetched so far (for the logs and tests). */
  fetched = 0;

  constructor(
    private readonly endpoint: TokenEndpoint,
    private readonly logger: Logger,
  ) {}

  async token(): Promise<string> {
    const now = Date.now();
    if (this.current && now < this.current.refreshAt) return this.current.token.token;
    try {
      return (await this.refresh()).token;
    } catch (error) {
      if (this.current && now < this.current.token.expiresAt) {
        this.logger.warn('service credential not renewed; the current one is used until it expires');
        return this.current.token.token;
      }
      throw error;
    }
  }

  private refresh(): Promise<IssuedToken> {
    this.pending ??= (async () => {
      const issuedAt = Date.now();
      const token = await this.endpoint.request({ grant_type: 'client_credentials' });
      this.fetched += 1;
      this.current = { token, refreshAt: issuedAt + ((token.expiresAt - issuedAt) * 2) / 3 };
      this.logger.info('service credential renewed', { expiresInS: Math.round((token.expiresAt - issuedAt) / 1000) });
      return token;
    })().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }
}
