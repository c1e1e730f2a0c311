import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeTokenClaims, HUB_AUDIENCE, Role, signDevToken } from '@wps/kit';
import { createHubClient, RegisterMemberDocument } from '@wps/sdk';
import { askIssuer, gatewayClient, postGraphQL, startExtraGateway, startTestNetwork, waitFor, type ExtraGateway, type TestNetwork } from '@wps/tests';

/** One registry read the gateway made: the credential it sent, when, and whether the registry answered with the member list. */
interface RegistryRead {
  authorization: string | undefined;
  at: number;
  listed: boolean;
}

/** A proxy in front of the regional subgraph that records the gateway's registry reads. */
async function registryProxy(target: string): Promise<{ url: string; reads: RegistryRead[]; close(): Promise<void> }> {
  const reads: RegistryRead[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const at = Date.now();
      const headers: Record<string, string> = { 'content-type': request.headers['content-type'] ?? 'application/json' };
      if (request.headers.authorization) headers.authorization = request.headers.authorization;
      fetch(target, { method: request.method, headers, body })
        .then(async (upstream) => {
          const answer = Buffer.from(await upstream.arrayBuffer());
          if (body.includes('HubMemberRegistry')) {
            const parsed = JSON.parse(answer.toString('utf8')) as { data?: { members?: unknown[] }; errors?: unknown };
            reads.push({ authorization: request.headers.authorization, at, listed: Array.isArray(parsed.data?.members) && !parsed.errors });
          }
          response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
          response.end(answer);
        })
        .catch(() => response.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    reads,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The gateway's HUB_SERVICE credential (issue 9 item 6): fetched from the
 * issuer by client_credentials with its own, separately configured lifetime
 * (here 3 s, no clock skew), and renewed before it expires, so the registry
 * keeps answering; an expired or over-long service credential is refused.
 */
describe("the gateway's service credential", () => {
  let hub: TestNetwork;
  let proxy: Awaited<ReturnType<typeof registryProxy>>;
  let gateway: ExtraGateway;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'credential', members: ['KE'], env: { ISSUER_SERVICE_TOKEN_LIFETIME_S: '3', AUTH_CLOCK_SKEW_S: '0', REGISTRY_REFRESH_MS: '300' } });
    proxy = await registryProxy(hub.network.regional.url);
    gateway = await startExtraGateway(hub, 'credential', { SUBGRAPH_URLS: `regional=${proxy.url},knowledge=${hub.network.knowledge.url}`, REGISTRY_REFRESH_MS: '300' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await proxy?.close();
    await hub?.stop();
  });

  const health = async () => (await (await fetch(gateway.url.replace(/\/graphql$/, '/health'))).json()) as { members: number };

  it('is fetched by client_credentials with its own lifetime and renewed before it expires: every registry read carries a live one and is answered', async () => {
    const credentials = () => new Set(proxy.reads.map((read) => read.authorization));
    // Four credentials: the first has expired by then (3 s each, renewed after 2 s).
    expect(await waitFor(async () => credentials().size >= 4, 20_000)).toBe(true);
    expect(credentials().has(undefined)).toBe(false);
    for (const authorization of credentials()) {
      const claims = decodeTokenClaims(authorization!);
      expect(claims).toMatchObject({ sub: 'service:gateway', roles: [Role.HUB_SERVICE], aud: HUB_AUDIENCE });
      expect(claims.exp! - claims.iat!).toBe(3);
    }
    for (const read of proxy.reads) {
      expect(decodeTokenClaims(read.authorization!).exp! * 1000).toBeGreaterThan(read.at);
      expect(read.listed).toBe(true);
    }

    // A registry change made after the first credential expired still reaches this gateway.
    expect((await health()).members).toBe(1);
    const admin = createHubClient({ url: hub.gatewayUrl, token: await signDevToken(hub.keys.privateKeyFile, { subject: 'hub-admin', roles: [Role.HUB_ADMIN] }) });
    expect((await admin.execute(RegisterMemberDocument, { input: { countryCode: 'UG', endpoint: 'http://127.0.0.1:9/graphql' } })).errors).toEqual([]);
    expect(await waitFor(async () => (await health()).members === 2, 10_000)).toBe(true);
  });

  it('is refused by the registry once expired, or when it lives longer than services accept; the issuer gives it only to its client', async () => {
    const MEMBERS = '{ members { countryCode endpoint } }';
    const expired = proxy.reads[0]!.authorization!;
    expect(decodeTokenClaims(expired).exp! * 1000).toBeLessThan(Date.now());
    // AUTH_MAX_SERVICE_TOKEN_LIFETIME_S: the launcher sets it from the issuer's lifetime (at least 60 s).
    const overLong = `Bearer ${await signDevToken(hub.keys.privateKeyFile, { subject: 'service:gateway', roles: [Role.HUB_SERVICE], expiresIn: '2h' })}`;
    for (const authorization of [expired, overLong]) {
      const { status, body } = await postGraphQL(hub.network.regional.url, MEMBERS, {}, { authorization });
      expect([status, body.errors?.[0]?.extensions?.code, body.data ?? null]).toEqual([401, 'UNAUTHENTICATED', null]);
    }
    const withinLimit = `Bearer ${await signDevToken(hub.keys.privateKeyFile, { subject: 'service:gateway', roles: [Role.HUB_SERVICE], expiresIn: '60s' })}`;
    expect((await postGraphQL(hub.network.regional.url, MEMBERS, {}, { authorization: withinLimit })).body.errors).toBeUndefined();

    const right = gatewayClient(hub);
    expect((await askIssuer(hub, { grant_type: 'client_credentials' }, right)).status).toBe(200);
    for (const client of [null, { ...right, secret: 'wrong' }, { id: 'someone', secret: right.secret }]) {
      const { status, body } = await askIssuer(hub, { grant_type: 'client_credentials' }, client);
      expect([status, body.error, body.access_token]).toEqual([401, 'invalid_client', undefined]);
    }
  });
});
