import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role, signDevToken } from '@wps/kit';
import { createHubClient, FrameworkProgressExportDocument, MembersDocument, UpdateMemberDocument, type HubClient } from '@wps/sdk';
import { LEAK_PATTERNS, postGraphQL, startTestNetwork, waitFor, type TestNetwork } from '@wps/tests';

/** Issue 9's attack: 29 aliases of every AU member's progress on every pillar, 3.5 KB, within every static limit. */
const FAN_OUT_ATTACK = `{ ${Array.from(
  { length: 29 },
  (_, index) => `a${index}: framework(code: AU_CRF) { pillarProgress { pillar rows { countryCode status indicators { latestValue status } } } }`,
).join(' ')} }`;

/** A transparent HTTP proxy in front of a real member, recording the body of every request that passes. */
async function recordingProxy(target: () => string): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      const headers: Record<string, string> = { 'content-type': request.headers['content-type'] ?? 'application/json' };
      if (request.headers.authorization) headers.authorization = request.headers.authorization;
      fetch(target(), { method: request.method, headers, body })
        .then(async (upstream) => {
          response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
          response.end(Buffer.from(await upstream.arrayBuffer()));
        })
        .catch(() => response.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The fan-out cost (issue 9, item 4): a query's cost counts the members it
 * reaches, and the hub refuses an over-budget query before any member is
 * called. Kenya's member is reached through a recording proxy, so the test
 * sees every request the gateway sends it. The budget is the default.
 */
describe('the fan-out cost limit', () => {
  let hub: TestNetwork;
  let admin: HubClient;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'cost', members: ['KE'], env: { REGISTRY_REFRESH_MS: '300' } });
    admin = createHubClient({ url: hub.gatewayUrl, token: await signDevToken(hub.keys.privateKeyFile, { subject: 'hub-admin', roles: [Role.HUB_ADMIN] }) });
    const kenya = hub.network.members.get('KE')!.url;
    proxy = await recordingProxy(() => kenya);
    expect((await admin.execute(UpdateMemberDocument, { countryCode: 'KE', input: { endpoint: proxy.url } })).errors).toEqual([]);
    // The gateway re-checks the re-pointed member through the proxy before it routes to it.
    const checkedThroughProxy = async () =>
      proxy.bodies.some((body) => body.includes('_service')) && (await admin.execute(MembersDocument, {})).data!.members.find((member) => member.countryCode === 'KE')?.status === 'ACTIVE';
    expect(await waitFor(checkedThroughProxy, 15_000)).toBe(true);
  });
  afterAll(async () => {
    await hub?.stop();
    await proxy?.close();
  });

  const memberQueries = () => proxy.bodies.filter((body) => !body.includes('_service'));

  it('refuses the 29-alias attack with QUERY_TOO_COSTLY (HTTP 400) naming its cost and the limit, and no member is asked', async () => {
    const before = memberQueries().length;
    const { status, body, text } = await postGraphQL(hub.gatewayUrl, FAN_OUT_ATTACK);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/^The query is too costly: its estimated cost is \d+, over the limit of 500000 \(with 1 registered member\)\./),
        extensions: { code: 'QUERY_TOO_COSTLY' },
      },
    ]);
    const estimated = Number(/estimated cost is (\d+)/.exec(body.errors![0].message)![1]);
    expect(estimated).toBeGreaterThan(1_000_000);
    for (const pattern of LEAK_PATTERNS) expect(text).not.toMatch(pattern);
    // Give a stray sub-request time to arrive: none does.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(memberQueries().length).toBe(before);
  });

  it("lets the typed client's heaviest operation through, and it reaches the member", async () => {
    const before = memberQueries().length;
    const result = await hub.client.execute(FrameworkProgressExportDocument, { framework: 'AU_CRF' });
    expect(result.errors).toEqual([]);
    const kenyaRows = result.data!.framework!.indicators.flatMap((indicator) => indicator.progress.rows.filter((row) => row.countryCode === 'KE'));
    expect(kenyaRows.length).toBeGreaterThan(0);
    expect(kenyaRows.every((row) => row.memberStatus === 'ACTIVE')).toBe(true);
    expect(kenyaRows.some((row) => row.status !== null)).toBe(true);
    expect(memberQueries().length).toBeGreaterThan(before);
  });
});
