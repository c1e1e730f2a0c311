import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDevKeys } from '@wps/kit';
import { loadGatewayConfig } from '../config.js';
import { openGatewayServer, type GatewayServer } from '../server.js';
import { silentLogger } from './support/in-memory-members.js';

/** A port where nothing listens: the member that is down. */
async function nothingListening(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}

/**
 * Readiness (issue 12, item 4): the gateway listens at once, answers
 * /health (liveness) from the start, and /ready only once the supergraph
 * is served and the member registry loaded; a registered member that is
 * down does not make it unready.
 */
describe('gateway readiness', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'wps-gateway-ready-'));
  let registry: Server;
  let gateway: GatewayServer | undefined;
  let registryAnswers = false;

  beforeAll(async () => {
    const down = await nothingListening();
    // The registry (regional) is starting: HTTP 503 until the test lets it answer, then one member, whose endpoint is down.
    registry = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (!registryAnswers) {
          res.writeHead(503).end();
          return;
        }
        const members = [{ countryCode: 'KE', endpoint: down, status: 'ACTIVE', revision: 1 }];
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { members, recordMemberCheck: { status: 'QUARANTINED', revision: 1 } } }));
      });
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await gateway?.stop();
    await new Promise((resolve) => registry.close(resolve));
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers /ready 503 until the supergraph and the registry are loaded, then 200 with a member down; /health 200 throughout', async () => {
    const keys = await ensureDevKeys(path.join(folder, 'keys'));
    const registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/graphql`;
    const config = loadGatewayConfig({
      PORT: '0',
      AUTH_JWKS_FILE: keys.jwksFile,
      SUBGRAPH_URLS: `regional=${registryUrl},knowledge=${registryUrl}`,
      REGISTRY_STARTUP_TIMEOUT_MS: '120000',
      REGISTRY_REFRESH_MS: '3600000',
      MEMBER_TIMEOUT_MS: '2000',
      MEMBER_ENDPOINTS_ALLOW: 'loopback',
      LOG_LEVEL: 'silent',
    });
    gateway = openGatewayServer(config, silentLogger);
    const url = await gateway.listen(0);
    const get = (route: string) => fetch(url.replace(/\/graphql$/, route));

    // Starting: alive, not ready, and GraphQL says so rather than failing.
    expect((await get('/health')).status).toBe(200);
    const starting = await get('/ready');
    expect([starting.status, await starting.json()]).toEqual([503, { status: 'starting', members: 0 }]);
    const early = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(early.status).toBe(503);
    expect(((await early.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');

    registryAnswers = true;
    await gateway.loaded;
    const ready = await get('/ready');
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', members: 1 }]);
    expect(gateway.registry?.memberFor('KE')?.status).toBe('QUARANTINED');
    expect((await get('/health')).status).toBe(200);
  });

  it('on stop, answers /ready 503 for STOP_DRAIN_MS while it still serves GraphQL, and only then closes', async () => {
    const keys = await ensureDevKeys(path.join(folder, 'keys'));
    const registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/graphql`;
    registryAnswers = true;
    const config = loadGatewayConfig({
      PORT: '0',
      AUTH_JWKS_FILE: keys.jwksFile,
      SUBGRAPH_URLS: `regional=${registryUrl},knowledge=${registryUrl}`,
      REGISTRY_REFRESH_MS: '3600000',
      MEMBER_ENDPOINTS_ALLOW: 'loopback',
      STOP_DRAIN_MS: '1500',
      WARM_UP_OPERATIONS: 'none',
      LOG_LEVEL: 'silent',
    });
    const draining = openGatewayServer(config, silentLogger);
    const url = await draining.listen(0);
    await draining.loaded;
    const get = (route: string) => fetch(url.replace(/\/graphql$/, route));
    expect((await get('/ready')).status).toBe(200);

    const stopped = draining.stop();
    const unready = await get('/ready');
    expect([unready.status, await unready.json()]).toEqual([503, { status: 'stopping', members: 1 }]);
    const served = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect([served.status, await served.json()]).toEqual([200, { data: { __typename: 'Query' } }]);
    await stopped;
    await expect(get('/health')).rejects.toThrow();
  });
});
