import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { REPO_ROOT } from '@wps/launcher';
import type { AddressInfo } from 'node:net';
import { Role, signDevToken } from '@wps/kit';
import { CountryProfileDocument, createHubClient, FrameworkProgressDocument, KnowledgeSearchDocument, UpdateMemberDocument, type HubClient } from '@wps/sdk';
import { postGraphQL, startTestNetwork, waitFor, type TestNetwork } from '@wps/tests';

/** How long the proxy holds each member request: long enough for a second client request to arrive meanwhile, on a loaded machine. */
const HOLD_MS = 2_500;
const KENYA = `{ country(code: "KE") { code currentActionPlan { title indicators { code } } } }`;
const RECORD = `mutation { recordMeasurement(countryCode: "KE", input: { indicatorId: "none", period: "2024", value: 1, source: "single-flight test (demo data)" }) { id } }`;

interface CountingProxy {
  url: string;
  /** Requests seen whose body contains `marker`. */
  count(marker: string): number;
  stop(): Promise<void>;
}

/** An HTTP proxy in front of a member that holds every request HOLD_MS before passing it on, and counts what it passed. */
async function startCountingProxy(target: string): Promise<CountingProxy> {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      setTimeout(() => {
        fetch(target, { method: 'POST', headers, body })
          .then(async (answer) => {
            res.writeHead(answer.status, { 'content-type': 'application/json' });
            res.end(await answer.text());
          })
          .catch(() => res.destroy());
      }, HOLD_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    count: (marker) => bodies.filter((body) => body.includes(marker)).length,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** How many operations the typed client has (clients/sdk/src/operations). */
function sdkOperationCount(): number {
  const folder = path.join(REPO_ROOT, 'clients', 'sdk', 'src', 'operations');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.graphql'))
    .reduce((count, name) => count + (readFileSync(path.join(folder, name), 'utf8').match(/^(query|mutation) /gm)?.length ?? 0), 0);
}

/** The gateway's count of the query plans it has built (hub_query_plans_built_total). */
async function plansBuilt(hub: TestNetwork): Promise<number> {
  const text = await (await fetch(hub.network.gateway.metricsUrl!)).text();
  return Number(/^hub_query_plans_built_total (\d+)/m.exec(text)![1]);
}

/**
 * What the gateway does once instead of per request (issue 11, item 3):
 * identical member calls in flight at once are made once, and the typed
 * client's operations are planned at boot.
 */
describe('gateway efficiency', () => {
  let hub: TestNetwork;
  let proxy: CountingProxy;
  let admin: HubClient;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'singleflight', members: ['KE'], env: { MEMBER_TIMEOUT_MS: String(HOLD_MS + 10_000), REGISTRY_REFRESH_MS: '300' } });
    proxy = await startCountingProxy(hub.network.members.get('KE')!.url);
    admin = createHubClient({ url: hub.gatewayUrl, token: await signDevToken(hub.keys.privateKeyFile, { subject: 'hub-admin', roles: [Role.HUB_ADMIN] }) });
    const updated = await admin.execute(UpdateMemberDocument, { countryCode: 'KE', input: { endpoint: proxy.url } });
    expect(updated.errors).toEqual([]);
    // The gateway routes through the proxy once its copy of the registry has the new endpoint.
    expect(
      await waitFor(async () => {
        await postGraphQL(hub.gatewayUrl, KENYA);
        return proxy.count('_entities') > 0;
      }, 30_000, 500),
    ).toBe(true);
  }, 180_000);
  afterAll(async () => {
    await proxy?.stop();
    await hub?.stop();
  });

  it("plans the typed client's operations at boot: their first requests build no plan, a new query does", async () => {
    const client = createHubClient({ url: hub.gatewayUrl });
    // At least one plan per operation of the SDK, once the warm-up (which does not delay the gateway's start) is done.
    expect(await waitFor(async () => (await plansBuilt(hub)) >= sdkOperationCount(), 60_000, 500)).toBe(true);
    const before = await plansBuilt(hub);
    for (const answer of [
      await client.execute(FrameworkProgressDocument, { framework: 'AU_CRF' }),
      await client.execute(CountryProfileDocument, { code: 'KE' }),
      await client.execute(KnowledgeSearchDocument, { query: 'mediators', first: 5 }),
    ]) {
      expect(answer.status).toBe(200);
      expect(answer.errors).toEqual([]);
    }
    expect(await plansBuilt(hub)).toBe(before);
    // The counter counts: a query the SDK does not have is planned on its first request, once.
    await postGraphQL(hub.gatewayUrl, '{ countries(framework: OSCE) { code name } }');
    await postGraphQL(hub.gatewayUrl, '{ countries(framework: OSCE) { code name } }');
    expect(await plansBuilt(hub)).toBe(before + 1);
  }, 120_000);

  it('two identical queries at once make one request at the member, and both get the answer', async () => {
    const before = proxy.count('_entities');
    const [first, second] = await Promise.all([postGraphQL(hub.gatewayUrl, KENYA), postGraphQL(hub.gatewayUrl, KENYA)]);
    expect(proxy.count('_entities') - before).toBe(1);
    for (const { status, body } of [first, second]) {
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data!.country.code).toBe('KE');
      expect(body.data!.country.currentActionPlan.indicators.length).toBeGreaterThan(0);
    }
    expect(second.body).toEqual(first.body);

    // One after the other, each is asked: only calls in flight are shared, nothing is kept.
    await postGraphQL(hub.gatewayUrl, KENYA);
    expect(proxy.count('_entities') - before).toBe(2);
  }, 60_000);

  it('the same mutation twice at once makes two requests at the member', async () => {
    const before = proxy.count('recordMeasurement');
    const answers = await Promise.all([postGraphQL(hub.gatewayUrl, RECORD), postGraphQL(hub.gatewayUrl, RECORD)]);
    expect(proxy.count('recordMeasurement') - before).toBe(2);
    // The public's write reaches the member, which refuses it.
    for (const { body } of answers) expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 60_000);
});
