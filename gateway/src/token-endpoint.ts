import { ErrorCode, HubError } from '@wps/kit';

export interface TokenEndpointOptions {
  /** The identity provider's OAuth 2.0 token endpoint (npm start: the embedded issuer). */
  url: string;
  clientId: string;
  clientSecret: string;
  /** Deadline of one token request. */
  timeoutMs: number;
}

/** A token the endpoint answered with, and when it stops being valid (epoch ms). */
export interface IssuedToken {
  token: string;
  expiresAt: number;
}

/**
 * The gateway as an OAuth client of the identity provider: one form POST
 * with HTTP Basic client authentication. Any failure is a HubError with no
 * address or answer text in it (the endpoint's URL stays in the logs).
 */
export class TokenEndpoint {
  private readonly authorization: string;

  constructor(private readonly options: TokenEndpointOptions) {
    this.authorization = `Basic ${Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString('base64')}`;
  }

  async request(form: Record<string, string>): Promise<IssuedToken> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: this.authorization, accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch {
      throw new TokenEndpointError(0, 'unreachable');
    }
    const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown; error?: unknown };
    if (!response.ok || typeof body.access_token !== 'string') {
      throw new TokenEndpointError(response.status, typeof body.error === 'string' ? body.error : 'invalid_response');
    }
    return { token: body.access_token, expiresAt: Date.now() + lifetimeMs(body.access_token, body.expires_in) };
  }
}

/** The endpoint refused or failed; `error` is its RFC 6749 error code. */
export class TokenEndpointError extends HubError {
  constructor(
    readonly status: number,
    readonly error: string,
  ) {
    super(ErrorCode.MEMBER_UNAVAILABLE, 'The hub could not obtain a token for this member.');
  }
}

/** The lifetime of an issued token: the shorter of `expires_in` and its own `exp`. */
function lifetimeMs(token: string, expiresIn: unknown): number {
  let exp: number | undefined;
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    if (typeof payload.exp === 'number') exp = payload.exp * 1000 - Date.now();
  } catch {
    exp = undefined;
  }
  const stated = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn * 1000 : undefined;
  const candidates = [exp, stated].filter((value): value is number => value !== undefined);
  return candidates.length > 0 ? Math.min(...candidates) : 0;
}
