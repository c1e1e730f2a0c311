import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeTokenClaims, ensureDevKeys, signDevToken } from '../auth/dev-keys.js';
import { Role } from '../auth/roles.js';
import { createTokenIssuer, TOKEN_EXCHANGE_GRANT, JWT_TOKEN_TYPE, type TokenIssuer } from '../auth/token-issuer.js';
import { createLogger } from '../logger.js';

/** The issuer's token endpoint over HTTP (RFC 6749 client authentication, RFC 8693 token exchange). */
describe('the embedded token issuer', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'wps-issuer-test-'));
  let keys: { jwksFile: string; privateKeyFile: string };
  let issuer: TokenIssuer;
  let url: string;
  const basic = `Basic ${Buffer.from('gateway:s3cret').toString('base64')}`;

  beforeAll(async () => {
    keys = await ensureDevKeys(folder);
    issuer = await createTokenIssuer({
      privateKeyFile: keys.privateKeyFile,
      subjectTokens: { jwksFile: keys.jwksFile, issuer: 'wps-federation-hub', audience: 'wps-federation-hub' },
      clients: [{ id: 'gateway', secret: 's3cret', subject: 'service:gateway' }],
      serviceTokenLifetimeS: 120,
      // Configured above the ceiling: the issuer still mints at most 300 s.
      memberTokenLifetimeS: 3600,
      logger: createLogger('issuer-test', 'silent'),
    });
    url = await issuer.listen(0);
  });
  afterAll(async () => {
    await issuer?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const ask = async (form: Record<string, string>, authorization: string | null = basic) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) }, body: new URLSearchParams(form).toString() });
    return { status: response.status, cache: response.headers.get('cache-control'), body: (await response.json()) as Record<string, unknown> };
  };
  const focalPoint = (expiresIn = '1h') => signDevToken(keys.privateKeyFile, { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE', expiresIn });
  const exchange = async (subjectToken: string, extra: Record<string, string> = { audience: 'nap:KE' }) =>
    ask({ grant_type: TOKEN_EXCHANGE_GRANT, subject_token: subjectToken, subject_token_type: JWT_TOKEN_TYPE, ...extra });

  it("mints a member token at most 300 s long, never past the subject token, with the subject's claims and the client as actor", async () => {
    const { status, cache, body } = await exchange(await focalPoint());
    expect([status, cache, body.token_type, body.issued_token_type, body.expires_in]).toEqual([200, 'no-store', 'Bearer', 'urn:ietf:params:oauth:token-type:access_token', 300]);
    const claims = decodeTokenClaims(body.access_token as string);
    expect(claims).toMatchObject({ aud: 'nap:KE', sub: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE', act: { sub: 'service:gateway' } });
    expect(claims.exp! - claims.iat!).toBe(300);
    const shortLived = await exchange(await focalPoint('60s'));
    expect(shortLived.body.expires_in).toBeLessThanOrEqual(60);
  });

  it('refuses what it would not give: another member, several audiences, no audience, a bad subject token, an unknown grant, no client', async () => {
    const token = await focalPoint();
    const cases: [string, Promise<{ status: number; body: Record<string, unknown> }>, number, string][] = [
      ['another member', exchange(token, { audience: 'nap:NG' }), 400, 'invalid_target'],
      ['audience and another resource', exchange(token, { audience: 'nap:KE', resource: 'nap:NG' }), 400, 'invalid_target'],
      ['not a member audience', exchange(token, { audience: 'wps-federation-hub' }), 400, 'invalid_target'],
      ['no audience', exchange(token, {}), 400, 'invalid_request'],
      ['a forged subject token', exchange(`${token.slice(0, -4)}AAAA`), 400, 'invalid_grant'],
      ['a subject token without exp', exchange(await signDevToken(keys.privateKeyFile, { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE', expiresIn: null })), 400, 'invalid_grant'],
      ['an actor token', exchange(token, { audience: 'nap:KE', actor_token: token, actor_token_type: JWT_TOKEN_TYPE }), 400, 'invalid_request'],
      ['an unknown grant', ask({ grant_type: 'password', username: 'a', password: 'b' }), 400, 'unsupported_grant_type'],
      ['no client authentication', ask({ grant_type: 'client_credentials' }, null), 401, 'invalid_client'],
      ['a wrong secret', ask({ grant_type: 'client_credentials' }, `Basic ${Buffer.from('gateway:guess').toString('base64')}`), 401, 'invalid_client'],
    ];
    for (const [name, answer, status, error] of cases) {
      const { status: got, body } = await answer;
      expect([name, got, body.error, body.access_token]).toEqual([name, status, error, undefined]);
    }
  });

  it("gives its client a HUB_SERVICE credential for the hub with the service lifetime", async () => {
    const { status, body } = await ask({ grant_type: 'client_credentials' });
    expect([status, body.expires_in]).toEqual([200, 120]);
    const claims = decodeTokenClaims(body.access_token as string);
    expect(claims).toMatchObject({ sub: 'service:gateway', roles: [Role.HUB_SERVICE], aud: 'wps-federation-hub' });
    expect(claims.exp! - claims.iat!).toBe(120);
  });
});
