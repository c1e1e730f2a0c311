import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { postGraphQL, startTestNetwork, waitFor, type TestNetwork } from '@wps/tests';

/** Asks one member (KE) for its data. */
const KE_QUERY = `query KenyaPlan { country(code: "KE") { code currentActionPlan { title } } }`;
/** Asks regional (the framework and its members) and knowledge (their good practices), no member. */
const SUBGRAPHS_QUERY = `query AuPractices { framework(code: AU_CRF) { code members { code goodPractices { id } } } }`;
/** Asks every member of the African Union's framework. */
const AU_QUERY = `query AuPlans { countries(framework: AU_CRF) { code currentActionPlan { title } } }`;

/** A fresh W3C trace context, as a client that traces would send it (sampled). */
function clientTrace(): { traceId: string; traceparent: string } {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
}

/** The JSON lines of a service's log (other lines, if any, are skipped). */
function logLines(hub: TestNetwork, service: string): Record<string, unknown>[] {
  let text: string;
  try {
    text = readFileSync(path.join(hub.logDir, `${service}.log`), 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line) => {
    try {
      const parsed: unknown = JSON.parse(line);
      return typeof parsed === 'object' && parsed !== null ? [parsed as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
}

/** A network starts in a minute or two on a loaded machine; every service loads the SDK too with a collector. */
const NETWORK_START_MS = 240_000;

const readyUrl = (hub: TestNetwork) => hub.gatewayUrl.replace(/\/graphql$/, '/ready');

/**
 * Traces, logs and readiness (issue 12, item 4), on real processes: a
 * client's `traceparent` reaches each member and the hub's own subgraphs
 * (their log lines carry the trace id) with no collector anywhere, and with
 * one, the spans arrive over
 * OTLP: the gateway's call to each member tagged with its country, and the
 * member's own spans down to `pg`.
 */
describe('tracing without a collector', () => {
  let hub: TestNetwork;

  beforeAll(async () => {
    // Every service logs each GraphQL request (debug).
    hub = await startTestNetwork({ label: 'tracing', members: ['KE', 'NG'], env: { LOG_LEVEL: 'debug' } });
  }, NETWORK_START_MS);
  afterAll(() => hub?.stop());

  it("carries the client's trace id to the member's log line for the request", async () => {
    const { traceId, traceparent } = clientTrace();
    const { body } = await postGraphQL(hub.gatewayUrl, KE_QUERY, {}, { traceparent });
    expect(body.errors).toBeUndefined();
    expect(body.data?.country.currentActionPlan).not.toBeNull();
    const found = await waitFor(() => logLines(hub, 'nap-ke').some((line) => line.trace_id === traceId && line.msg === 'graphql request'), 15_000);
    expect(found).toBe(true);
    const line = logLines(hub, 'nap-ke').find((entry) => entry.trace_id === traceId)!;
    expect(line).toMatchObject({ level: 'debug', service: 'nap-ke', errors: 0 });
    expect(typeof line.operation).toBe('string');
    // A request without a traceparent is logged without one (no trace id is invented when nothing records spans).
    const before = logLines(hub, 'nap-ke').length;
    await postGraphQL(hub.gatewayUrl, KE_QUERY);
    await waitFor(() => logLines(hub, 'nap-ke').length > before, 15_000);
    expect(logLines(hub, 'nap-ke').slice(before).filter((entry) => entry.msg === 'graphql request').every((entry) => entry.trace_id === undefined)).toBe(true);
  });

  it("carries the client's trace id to regional's and knowledge's log lines for their parts of the request", async () => {
    const { traceId, traceparent } = clientTrace();
    const { body } = await postGraphQL(hub.gatewayUrl, SUBGRAPHS_QUERY, {}, { traceparent });
    expect(body.errors).toBeUndefined();
    expect(body.data?.framework.members.length).toBeGreaterThan(0);
    const logged = (service: string) => logLines(hub, service).some((line) => line.trace_id === traceId && line.msg === 'graphql request');
    expect(await waitFor(() => logged('regional') && logged('knowledge'), 15_000)).toBe(true);
    // Without a traceparent, none is invented for them either.
    const before = { regional: logLines(hub, 'regional').length, knowledge: logLines(hub, 'knowledge').length };
    await postGraphQL(hub.gatewayUrl, SUBGRAPHS_QUERY);
    const requests = (service: 'regional' | 'knowledge') => logLines(hub, service).slice(before[service]).filter((entry) => entry.msg === 'graphql request');
    await waitFor(() => requests('regional').length > 0 && requests('knowledge').length > 0, 15_000);
    expect(requests('regional').length).toBeGreaterThan(0);
    expect([...requests('regional'), ...requests('knowledge')].every((entry) => entry.trace_id === undefined)).toBe(true);
  });

  it('is ready, and stays ready with a member down', async () => {
    expect((await fetch(readyUrl(hub))).status).toBe(200);
    await hub.network.members.get('NG')!.stop();
    const { body } = await postGraphQL(hub.gatewayUrl, AU_QUERY);
    expect(body.errors?.map((error: { extensions: { code: string; country?: string } }) => [error.extensions.code, error.extensions.country])).toContainEqual(['MEMBER_UNAVAILABLE', 'NG']);
    // After the registry's next refresh too (500 ms in tests).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await fetch(readyUrl(hub))).status).toBe(200);
    expect((await fetch(hub.gatewayUrl.replace(/\/graphql$/, '/health'))).status).toBe(200);
  });
});

interface OtlpSpan {
  traceId: string;
  name: string;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
}

type OtlpAttribute = { key: string; value: Record<string, unknown> };

const attributesOf = (list: OtlpAttribute[] | undefined): Record<string, unknown> =>
  Object.fromEntries((list ?? []).map((attribute) => [attribute.key, Object.values(attribute.value)[0]]));

/** OTLP/JSON ids are hex; accept base64 too. */
const hexId = (id: string) => (/^[0-9a-f]{32}$/.test(id) ? id : Buffer.from(id, 'base64').toString('hex'));

/** A tiny OTLP/HTTP (JSON) collector: keeps every span POSTed to /v1/traces. */
async function startCollector(): Promise<{ url: string; spans: OtlpSpan[]; server: Server }> {
  const spans: OtlpSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans?: { resource?: { attributes?: OtlpAttribute[] }; scopeSpans?: { spans?: { traceId: string; name: string; attributes?: OtlpAttribute[] }[] }[] }[];
        };
        for (const resourceSpans of body.resourceSpans ?? []) {
          const resource = attributesOf(resourceSpans.resource?.attributes);
          for (const scope of resourceSpans.scopeSpans ?? []) {
            for (const span of scope.spans ?? []) spans.push({ traceId: hexId(span.traceId), name: span.name, attributes: attributesOf(span.attributes), resource });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

describe('tracing with an OTLP collector', () => {
  let hub: TestNetwork;
  let collector: Awaited<ReturnType<typeof startCollector>>;

  beforeAll(async () => {
    collector = await startCollector();
    hub = await startTestNetwork({
      label: 'otlp',
      members: ['KE'],
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '200' },
      memberEnv: { KE: { LOG_LEVEL: 'debug' } },
    });
  }, NETWORK_START_MS);
  afterAll(async () => {
    await hub?.stop();
    await new Promise((resolve) => collector?.server.close(resolve));
  });

  it("exports the client's trace: the gateway's call to the member tagged with its country, and the member's pg queries", async () => {
    const { traceId, traceparent } = clientTrace();
    const { body } = await postGraphQL(hub.gatewayUrl, KE_QUERY, {}, { traceparent });
    expect(body.errors).toBeUndefined();
    const inTrace = () => collector.spans.filter((span) => span.traceId === traceId);
    const memberFetch = () => inTrace().find((span) => span.resource['service.name'] === 'gateway' && span.attributes['wps.country'] === 'KE');
    const memberQuery = () => inTrace().find((span) => span.resource['service.name'] === 'nap-ke' && /^pg\.query/.test(span.name));
    expect(await waitFor(() => memberFetch() !== undefined && memberQuery() !== undefined, 30_000)).toBe(true);
    expect(memberFetch()!.name).toBe('nap KE');
    // Every span of the member names its country.
    expect(inTrace().filter((span) => span.resource['service.name'] === 'nap-ke').every((span) => span.resource['wps.country'] === 'KE')).toBe(true);
    // And its log line for the request carries the same trace id.
    expect(await waitFor(() => logLines(hub, 'nap-ke').some((line) => line.trace_id === traceId && line.msg === 'graphql request'), 15_000)).toBe(true);
  });

  it("exports regional's and knowledge's spans in the client's trace", async () => {
    const { traceId, traceparent } = clientTrace();
    const { body } = await postGraphQL(hub.gatewayUrl, SUBGRAPHS_QUERY, {}, { traceparent });
    expect(body.errors).toBeUndefined();
    const services = () => new Set(collector.spans.filter((span) => span.traceId === traceId).map((span) => span.resource['service.name']));
    expect(await waitFor(() => services().has('regional') && services().has('knowledge'), 30_000)).toBe(true);
  });
});
