import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@wps/launcher';
import { postGraphQL, startTestNetwork, waitFor, type TestNetwork } from '@wps/tests';

const QUERY = `{ countries(framework: AU_CRF) { code currentActionPlan { title } } }`;

interface GrafanaDashboard {
  panels: { title: string; targets: { expr: string }[] }[];
}

/** The metric names a PromQL expression reads (hub_*, process_*, nodejs_*), without functions, labels or the `le` of buckets. */
function metricsIn(expr: string): string[] {
  const withoutLabels = expr.replace(/\{[^}]*\}/g, '');
  return [...withoutLabels.matchAll(/\b(?:hub|process|nodejs)_[a-z0-9_]+\b/g)].map((match) => match[0]);
}

/** The base name of a sample (a histogram's _bucket, _sum and _count belong to its TYPE line). */
const typedName = (name: string) => name.replace(/_(bucket|sum|count)$/, '');

/**
 * What an operator watches (issue 12, item 4): the gateway serves Prometheus
 * metrics on a port of its own, never on the public one, with per-member
 * fetch latency and errors by country and reason; the Grafana dashboard in
 * deploy/ reads only metrics the gateway really serves.
 */
describe('metrics', () => {
  let hub: TestNetwork;
  let metricsUrl: string;
  const scrape = async () => (await fetch(metricsUrl)).text();

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'metrics', members: ['KE', 'NG'], env: { MEMBER_TIMEOUT_MS: '1000' } });
    metricsUrl = hub.network.gateway.metricsUrl!;
  });
  afterAll(() => hub?.stop());

  it('serves them on their own port, not on the public one', async () => {
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(metricsUrl).port).not.toBe(new URL(hub.gatewayUrl).port);
    const publicMetrics = await fetch(new URL('/metrics', hub.gatewayUrl));
    expect(publicMetrics.status).toBe(404);
    expect(await publicMetrics.text()).not.toContain('hub_member');
    // Every service has its own.
    for (const service of hub.network.services()) expect(service.metricsUrl).toMatch(/\/metrics$/);
  });

  it("exposes each member's fetch latency by country, and its errors by reason once it fails", async () => {
    expect((await postGraphQL(hub.gatewayUrl, QUERY)).body.errors).toBeUndefined();
    const text = await scrape();
    for (const country of ['KE', 'NG']) {
      expect(text).toMatch(new RegExp(`^hub_member_fetch_duration_seconds_count\\{country="${country}",outcome="ok"\\} [1-9]`, 'm'));
    }
    expect(text).toMatch(/^hub_http_requests_total\{path="\/graphql",status="200"\} [1-9]/m);

    await hub.network.members.get('NG')!.stop();
    const counted = await waitFor(async () => {
      await postGraphQL(hub.gatewayUrl, QUERY);
      return /^hub_member_errors_total\{country="NG",reason="(unreachable|circuit_open)"\} [1-9]/m.test(await scrape());
    }, 15_000);
    expect(counted).toBe(true);
    expect(await scrape()).not.toMatch(/^hub_member_errors_total\{country="KE"/m);
  });

  it('backs every query of the Grafana dashboard with a metric the gateway serves', async () => {
    const dashboard = JSON.parse(readFileSync(path.join(REPO_ROOT, 'deploy', 'grafana', 'wps-federation-hub.json'), 'utf8')) as GrafanaDashboard;
    const text = await scrape();
    const typed = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]!));
    const read = dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => metricsIn(target.expr).map((name) => ({ panel: panel.title, name }))));
    expect(read.length).toBeGreaterThanOrEqual(8);
    const missing = read.filter(({ name }) => !typed.has(typedName(name)));
    expect(missing).toEqual([]);
    // The panels an operator needs are there.
    for (const needed of ['hub_http_requests_total', 'hub_http_request_duration_seconds_bucket', 'hub_member_fetch_duration_seconds_bucket', 'hub_member_errors_total', 'hub_member_circuit_state', 'hub_rate_limit_refusals_total']) {
      expect(read.map(({ name }) => name)).toContain(needed);
    }
  });
});
