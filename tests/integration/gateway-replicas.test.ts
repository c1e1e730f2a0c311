import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ensureHaproxy, freePort, redisAnswers, REPO_ROOT, startGatewayReplica, startLoadBalancer, type LoadBalancer, type ServiceProcess } from '@wps/launcher';
import { startTestNetwork, type TestNetwork } from '@wps/tests';

/** A cheap read (regional only): many of them run while a replica dies. */
const QUERY = JSON.stringify({ query: '{ frameworks { code } }' });
const WORKERS = 6;

interface Sent {
  sentAt: number;
  answeredAt: number;
  /** The HTTP status, or 0 when the request itself failed. */
  status: number;
}

/**
 * haproxy, decided before the suites are declared: installed with apt-get
 * when missing and root; a skip says why otherwise, and under CI=true a
 * skip is a failure.
 */
const haproxy = ensureHaproxy((line) => process.stderr.write(`${line}\n`));
if (!haproxy.available) {
  if (process.env.CI === 'true') throw new Error(`haproxy is needed for tests/integration/gateway-replicas.test.ts: ${haproxy.reason}`);
  process.stderr.write(`\n*** SKIPPED: gateway replicas behind haproxy (tests/integration/gateway-replicas.test.ts): ${haproxy.reason} ***\n\n`);
}

/**
 * Two gateway replicas behind haproxy (issue 12, item 2), the configuration
 * `npm run load -- --replicas` uses (launcher/src/load-balancer.ts): one
 * replica is SIGKILLed while requests run, haproxy's /ready check marks it
 * down and the other serves everything; restarted on its port, it is marked
 * up and both serve again.
 */
(haproxy.available ? describe : describe.skip)('gateway replicas behind haproxy', () => {
  let hub: TestNetwork;
  let balancer: LoadBalancer;
  const replicas = new Map<string, ServiceProcess>();
  const ports = new Map<string, number>();
  const logDir = path.join(REPO_ROOT, '.data', 'test-logs', `replicas-${randomBytes(3).toString('hex')}`);
  const start = async (name: string) => {
    const redis = await redisAnswers();
    const replica = await startGatewayReplica(hub.network, hub.keys, {
      name: `gateway-${name}`,
      port: ports.get(name)!,
      logDir,
      env: {
        REGISTRY_REFRESH_MS: '500',
        TRUSTED_PROXIES: 'loopback',
        RATE_LIMIT_ANONYMOUS_REQUESTS: '100000',
        RATE_LIMIT_ANONYMOUS_CONCURRENCY: String(WORKERS * 4),
        ...(redis ? { RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_KEY_PREFIX: `wps-test-replicas-${randomBytes(4).toString('hex')}` } : {}),
      },
    });
    replicas.set(name, replica);
  };

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'replicas', members: ['KE'] });
    for (const name of ['gw1', 'gw2']) ports.set(name, await freePort());
    await Promise.all(['gw1', 'gw2'].map(start));
    if (!haproxy.available) return;
    balancer = await startLoadBalancer({ binary: haproxy.binary, dir: logDir, logDir, backends: ['gw1', 'gw2'].map((name) => ({ name, port: ports.get(name)! })) });
    await balancer.waitFor('gw1', 'UP');
    await balancer.waitFor('gw2', 'UP');
  }, 240_000);
  afterAll(async () => {
    await balancer?.stop();
    await Promise.all([...replicas.values()].map((replica) => replica.stop()));
    await hub?.stop();
  });

  /** WORKERS clients, each sending its next request when the last is answered, until `until` resolves. */
  const traffic = (until: Promise<unknown>) => {
    const sent: Sent[] = [];
    let done = false;
    void until.finally(() => (done = true));
    const worker = async () => {
      while (!done) {
        const sentAt = Date.now();
        let status: number;
        try {
          const response = await fetch(balancer.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY, signal: AbortSignal.timeout(30_000) });
          await response.text();
          status = response.status;
        } catch {
          status = 0;
        }
        sent.push({ sentAt, answeredAt: Date.now(), status });
      }
    };
    return { sent, finished: Promise.all(Array.from({ length: WORKERS }, worker)) };
  };
  const served = async () => Object.fromEntries([...(await balancer.servers())].map(([name, stat]) => [name, stat.responses2xx]));
  /** haproxy's counters once `condition` holds of them, or after 20 s (the assertions then say what is missing). */
  const servedOnce = async (condition: (now: Record<string, number>) => boolean) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const now = await served();
      if (condition(now) || Date.now() > deadline) return now;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('drains a replica that is killed while requests run, serves everything from the other, and takes it back once restarted', async () => {
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const { sent, finished } = traffic(stopped);
    try {
      // Both serve (on a loaded machine the first answers take a while).
      const before = await servedOnce((now) => now.gw1! > 0 && now.gw2! > 0);
      expect(before.gw1).toBeGreaterThan(0);
      expect(before.gw2).toBeGreaterThan(0);

      const victim = replicas.get('gw1')!;
      const killedAt = Date.now();
      process.kill(victim.pid, 'SIGKILL');
      await victim.exited;
      const exitedAt = Date.now();
      const markedDownAt = await balancer.waitFor('gw1', 'DOWN', 15_000);
      const atDown = await served();
      const whileDown = await servedOnce((now) => now.gw2! > atDown.gw2!);
      // Only the other replica served while gw1 was down.
      expect(whileDown.gw2).toBeGreaterThan(atDown.gw2!);
      expect(whileDown.gw1).toBe(atDown.gw1);

      await start('gw1');
      await balancer.waitFor('gw1', 'UP', 30_000);
      const atUp = await served();
      const afterUp = await servedOnce((now) => now.gw1! > atUp.gw1! && now.gw2! > atUp.gw2!);
      // Both serve again.
      expect(afterUp.gw1).toBeGreaterThan(atUp.gw1!);
      expect(afterUp.gw2).toBeGreaterThan(atUp.gw2!);

      stop();
      await finished;
      const failed = (from: number) => sent.filter((request) => request.sentAt >= from && request.status !== 200);
      // Requests sent once the replica was gone (before haproxy marked it down) were retried on the other: connection refused, never sent.
      expect(failed(exitedAt)).toEqual([]);
      expect(failed(markedDownAt)).toEqual([]);
      process.stdout.write(
        `gateway replicas: ${sent.length} requests; gw1 killed, exited after ${exitedAt - killedAt} ms, marked DOWN after ${markedDownAt - killedAt} ms; ` +
          `failed: ${sent.filter((request) => request.status !== 200).length} (all sent before it exited)\n`,
      );
    } finally {
      stop();
      await finished;
    }
  }, 120_000);
});
