import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type autocannon from 'autocannon';
import { Role, signDevToken } from '@wps/kit';
import {
  ensureHaproxy,
  freePort,
  redisAnswers,
  REPO_ROOT,
  startGatewayReplica,
  startLoadBalancer,
  type LoadBalancer,
  type ServerStat,
  type ServiceProcess,
} from '@wps/launcher';
import { loadGeneratorLimits, startBenchNetwork } from './bench-network.js';
import { storedWrites } from './stored-writes.js';
import { emptyObservations, percentile, runTraffic, type TrafficObservations } from './traffic.js';
import { findWriteTargets, Workload } from './workload.js';

export interface ReplicaLoadConfig {
  members: string[];
  connections: number;
  /** Length of each K's throughput run. */
  throughputSeconds: number;
  /** Length of the failover run, and when in it a replica is killed, and stopped gracefully. */
  failoverSeconds: number;
  warmupSeconds: number;
  killAtSeconds: number;
  gracefulAtSeconds: number;
  downSeconds: number;
  reportFile?: string;
}

const REDIS_URL = 'redis://127.0.0.1:6379';

interface ThroughputRun {
  replicas: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  status5xx: number;
  connectionErrors: number;
  /** 2xx answers each replica gave during the run, from haproxy's counters. */
  servedBy: Record<string, number>;
  /** The machine's 1-minute load average at the start and end of the run (other work shares the cores). */
  loadAverage: [number, number];
}

/** One replica taken away and brought back during the failover run (ms since the run started). */
interface Outage {
  replica: string;
  how: 'SIGKILL' | 'SIGTERM';
  /** SIGTERM only: when haproxy was told to drain it (set server … state drain), before the signal once its sessions ended. */
  drainedAt?: number;
  stoppedAt?: number;
  exitedAt?: number;
  markedDownAt?: number;
  restartedAt?: number;
  markedUpAt?: number;
  /** 2xx answers of every replica when it was marked down, when it was restarted, and at the end. */
  servedAtDown?: Record<string, number>;
  servedAtRestart?: Record<string, number>;
}

interface FailoverRun {
  replicas: number;
  result: autocannon.Result;
  observations: TrafficObservations;
  outages: Outage[];
  servedAtEnd: Record<string, number>;
  /** 5xx of requests in flight on the killed replica when it died (sent before, answered after the kill). */
  inFlightAtKill: number;
  /** Every other 5xx and connection error: each is a failure. */
  beyond: { serverErrors: number; connectionErrors: number; during: { graceful: number; other: number } };
  writes: { acknowledged: number; stored: number; audited: number; lost: number };
}

const say = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number | undefined) => (ms === undefined ? '?' : `${(ms / 1000).toFixed(1)} s`);
const servedOf = (servers: Map<string, ServerStat>) => Object.fromEntries([...servers].map(([name, stat]) => [name, stat.responses2xx]));

/** Every request's latency of a run, over all operations. */
const latencies = (observations: TrafficObservations) => [...observations.operations.values()].flatMap((entry) => entry.latencies);

/**
 * `npm run load -- --replicas 1,2,3`: K gateway replicas behind haproxy
 * (installed with apt-get when missing and root), sharing the rate-limit
 * store in Redis on 127.0.0.1:6379 when it answers. A throughput run for
 * each K on the same network, then a failover run at the largest K: one
 * replica SIGKILLed and restarted, later another SIGTERMed (it drains) and
 * restarted. Passes when the only 5xx are requests that were in flight on
 * the killed replica, no request failed around the graceful stop, the other
 * replicas served while one was down, the restarted replicas served again,
 * and every acknowledged write is in its member's database.
 */
export async function replicaLoad(config: ReplicaLoadConfig, counts: number[]): Promise<void> {
  const haproxy = ensureHaproxy(say);
  if (!haproxy.available) {
    process.stderr.write(`${haproxy.reason}\n`);
    process.exitCode = 1;
    return;
  }
  if (haproxy.installedNow) say(`haproxy installed: ${haproxy.binary}`);
  const redis = await redisAnswers();
  say(
    redis
      ? `Redis answers on ${REDIS_URL}: the replicas share their rate limits there.`
      : `No Redis on ${REDIS_URL}: each replica counts rate limits in its own memory (start redis-server to share them).`,
  );
  const largest = Math.max(...counts);
  // A SIGKILLed replica's in-flight slots stay in Redis until they expire (6 min): room for one replica's worth more.
  const limits = loadGeneratorLimits(config.connections * 2);
  say(`${limits.description} In flight: twice the connections, as a killed replica's slots stay taken in the shared store until they expire.`);
  const replicaEnv: Record<string, string> = {
    ...limits.env,
    // haproxy adds X-Forwarded-For; the replicas believe it from loopback only.
    TRUSTED_PROXIES: 'loopback',
    ...(redis ? { RATE_LIMIT_REDIS_URL: REDIS_URL, RATE_LIMIT_KEY_PREFIX: `wps-load-${randomBytes(4).toString('hex')}` } : {}),
  };

  say(`Starting a network of ${config.members.join(', ')} and ${largest} gateway replicas…`);
  const hub = await startBenchNetwork({ label: 'replicas', members: config.members, gatewayEnv: limits.env });
  const replicas = new Map<string, ServiceProcess>();
  const ports = new Map<string, number>();
  const names = Array.from({ length: largest }, (_, index) => `gw${index + 1}`);
  const start = async (name: string) => {
    const replica = await startGatewayReplica(hub.network, hub.keys, { name: `gateway-${name}`, port: ports.get(name)!, logDir: hub.logDir, env: replicaEnv });
    replicas.set(name, replica);
    return replica;
  };
  const throughput: ThroughputRun[] = [];
  let failover: FailoverRun | undefined;
  let balancer: LoadBalancer | undefined;
  try {
    for (const name of names) {
      ports.set(name, await freePort());
      await start(name);
    }
    const targets = await findWriteTargets(hub.network.gatewayUrl, config.members);
    const writeTokens = new Map<string, string>();
    for (const code of config.members) {
      writeTokens.set(code, await signDevToken(hub.keys.privateKeyFile, { subject: `load-test:focal-point-${code.toLowerCase()}`, roles: [Role.FOCAL_POINT], country: code }));
    }
    const workload = new Workload(config.members, targets);
    const acknowledged: TrafficObservations['acknowledged'] = [];
    const balance = async (count: number) => {
      await balancer?.stop();
      balancer = await startLoadBalancer({
        binary: haproxy.binary,
        dir: path.join(REPO_ROOT, '.data', 'load'),
        logDir: hub.logDir,
        backends: names.slice(0, count).map((name) => ({ name, port: ports.get(name)! })),
      });
      for (const name of names.slice(0, count)) await balancer.waitFor(name, 'UP');
      return balancer;
    };
    const traffic = (url: string, durationSeconds: number, observations: TrafficObservations, origin: number) =>
      runTraffic({ url, connections: config.connections, durationSeconds, workload, writeTokens, observations, origin });

    if (config.warmupSeconds > 0) {
      const lb = await balance(largest);
      say(`Warm-up: ${config.connections} connections for ${config.warmupSeconds} s over ${largest} replicas…`);
      const warmup = emptyObservations();
      await traffic(lb.url, config.warmupSeconds, warmup, performance.now());
      acknowledged.push(...warmup.acknowledged);
    }

    for (const count of counts) {
      const lb = await balance(count);
      say(`Throughput: ${count} replica${count === 1 ? '' : 's'} behind haproxy, ${config.connections} connections for ${config.throughputSeconds} s…`);
      const observations = emptyObservations();
      const loadBefore = loadavg()[0]!;
      const result = await traffic(lb.url, config.throughputSeconds, observations, performance.now());
      acknowledged.push(...observations.acknowledged);
      const all = latencies(observations);
      throughput.push({
        replicas: count,
        requests: result.requests.total,
        requestsPerSecond: result.requests.total / result.duration,
        p50: percentile(all, 50),
        p99: percentile(all, 99),
        status5xx: result['5xx'],
        connectionErrors: result.errors + result.timeouts,
        servedBy: servedOf(await lb.servers()),
        loadAverage: [loadBefore, loadavg()[0]!],
      });
      const run = throughput.at(-1)!;
      say(`  ${run.requestsPerSecond.toFixed(1)} requests/s, p50 ${run.p50.toFixed(0)} ms, p99 ${run.p99.toFixed(0)} ms, 5xx ${run.status5xx}; served: ${JSON.stringify(run.servedBy)}; load average ${run.loadAverage.map((value) => value.toFixed(1)).join(' → ')}`);
    }

    if (largest >= 2) {
      const lb = await balance(largest);
      failover = await failoverRun(lb, config, names, start, replicas, traffic);
      acknowledged.push(...failover.observations.acknowledged);
    } else {
      say('Failover run skipped: it needs at least 2 replicas (--replicas 2 or more).');
    }
    await sleep(2000);
    const stored = await storedWrites(hub, config.members, acknowledged);
    if (failover) failover.writes = { acknowledged: acknowledged.length, stored: stored.found, audited: stored.audited, lost: stored.missing.length };
    else say(`Writes acknowledged: ${acknowledged.length}; in the members' databases: ${stored.found}; lost: ${stored.missing.length}`);
  } finally {
    await balancer?.stop();
    await Promise.all([...replicas.values()].map((replica) => replica.stop()));
    await hub.stop();
  }

  const failures = judge(throughput, failover);
  print(throughput, failover);
  const reportFile = config.reportFile ?? path.join(REPO_ROOT, '.data', 'bench', 'load-replicas-report.json');
  mkdirSync(path.dirname(reportFile), { recursive: true });
  writeFileSync(
    reportFile,
    `${JSON.stringify({ at: new Date().toISOString(), config, redis, throughput, failover: failover && { ...failover, result: undefined, observations: undefined, latency: failover.result.latency }, failures }, null, 2)}\n`,
  );
  say(`Report: ${path.relative(process.cwd(), reportFile)}`);
  say();
  if (failures.length > 0) {
    say(`FAILED:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    say('PASSED: no 5xx beyond the killed replica\'s in-flight requests, none around the graceful stop, the others served meanwhile, both came back, no lost writes.');
  }
}

/**
 * The failover run: traffic over every replica; the first is SIGKILLed at
 * killAtSeconds and restarted downSeconds after it exited; once haproxy has
 * it UP again, the second is stopped gracefully, at gracefulAtSeconds or
 * later: drained in haproxy first (no new requests; its own finish), then
 * SIGTERMed, restarted as long after and set ready again. (A SIGTERM alone
 * can cost a request: the replica closes its idle keep-alive connections
 * while haproxy, which marks it down only after its next check, may have
 * just sent a request on one, and a request that was sent is not retried.) The traffic lasts failoverSeconds, or
 * longer, until both are back and have served a few seconds (a restart
 * takes long on a loaded machine). haproxy's view of each replica is
 * polled, so the report says when it marked it down and up.
 */
async function failoverRun(
  lb: LoadBalancer,
  config: ReplicaLoadConfig,
  names: string[],
  start: (name: string) => Promise<ServiceProcess>,
  replicas: Map<string, ServiceProcess>,
  traffic: (url: string, durationSeconds: number, observations: TrafficObservations, origin: number) => Promise<autocannon.Result>,
): Promise<FailoverRun> {
  const [killed, drained] = [names[0]!, names[1]!];
  say(
    `Failover: ${names.length} replicas, ${config.connections} connections for at least ${config.failoverSeconds} s; ${killed} SIGKILLed at ${config.killAtSeconds} s, ` +
      `${drained} SIGTERMed once ${killed} is back (at ${config.gracefulAtSeconds} s or later), each restarted ${config.downSeconds} s after it exited…`,
  );
  const origin = performance.now();
  const since = () => performance.now() - origin;
  const wallToRun = (wall: number) => wall - (Date.now() - since());
  const outage = async (name: string, how: Outage['how'], atSeconds: number): Promise<Outage> => {
    const record: Outage = { replica: name, how };
    await sleep(Math.max(0, atSeconds * 1000 - since()));
    const replica = replicas.get(name)!;
    if (how === 'SIGTERM') {
      // As an orchestrator does before it stops a replica: the balancer sends it nothing new, and its requests finish.
      record.drainedAt = since();
      await lb.setState(name, 'drain');
      const deadline = Date.now() + 30_000;
      while (((await lb.servers()).get(name)?.current ?? 0) > 0 && Date.now() < deadline) await sleep(100);
    }
    record.stoppedAt = since();
    if (how === 'SIGKILL') process.kill(replica.pid, 'SIGKILL');
    else replica.child.kill('SIGTERM');
    const down = lb.waitFor(name, how === 'SIGKILL' ? 'DOWN' : 'DRAIN');
    await replica.exited;
    record.exitedAt = since();
    record.markedDownAt = wallToRun(await down);
    record.servedAtDown = servedOf(await lb.servers());
    await sleep(Math.max(0, record.exitedAt + config.downSeconds * 1000 - since()));
    record.servedAtRestart = servedOf(await lb.servers());
    await start(name);
    if (how === 'SIGTERM') await lb.setState(name, 'ready');
    record.restartedAt = since();
    record.markedUpAt = wallToRun(await lb.waitFor(name, 'UP', 120_000));
    return record;
  };
  const observations = emptyObservations();
  // Long enough for any restart; stopped once the outages are over.
  const run = traffic(lb.url, 3600, observations, origin);
  const outages: Outage[] = [];
  try {
    outages.push(await outage(killed, 'SIGKILL', config.killAtSeconds));
    outages.push(await outage(drained, 'SIGTERM', Math.max(config.gracefulAtSeconds, since() / 1000 + 3)));
    // Both back: let them serve a while before the run ends.
    await sleep(Math.max(5000, config.failoverSeconds * 1000 - since()));
  } finally {
    (run as unknown as autocannon.Instance).stop();
  }
  const result = await run;
  const servedAtEnd = servedOf(await lb.servers());

  const killedAt = outages[0]!.stoppedAt!;
  const inFlight = (error: { sentAt: number; answeredAt: number }) => error.sentAt <= killedAt && error.answeredAt >= killedAt;
  const others = observations.serverErrors.filter((error) => !inFlight(error));
  const graceful = outages[1]!;
  const inGracefulWindow = (at: number) => at >= (graceful.drainedAt ?? graceful.stoppedAt!) - 1000 && at <= graceful.markedUpAt! + 1000;
  const beyondTimes = [...others.map((error) => error.answeredAt), ...observations.requestErrors];
  return {
    replicas: names.length,
    result,
    observations,
    outages,
    servedAtEnd,
    inFlightAtKill: observations.serverErrors.length - others.length,
    beyond: {
      serverErrors: others.length,
      connectionErrors: observations.requestErrors.length,
      during: { graceful: beyondTimes.filter(inGracefulWindow).length, other: beyondTimes.filter((at) => !inGracefulWindow(at)).length },
    },
    writes: { acknowledged: 0, stored: 0, audited: 0, lost: 0 },
  };
}

function judge(throughput: ThroughputRun[], failover: FailoverRun | undefined): string[] {
  const failures: string[] = [];
  for (const run of throughput) {
    if (run.status5xx > 0 || run.connectionErrors > 0) failures.push(`K=${run.replicas}: ${run.status5xx} 5xx, ${run.connectionErrors} connection errors`);
    const idle = Object.entries(run.servedBy).filter(([, served]) => served === 0);
    if (idle.length > 0) failures.push(`K=${run.replicas}: ${idle.map(([name]) => name).join(', ')} served nothing`);
  }
  if (!failover) return failures;
  if (failover.beyond.serverErrors > 0) failures.push(`${failover.beyond.serverErrors} 5xx beyond the killed replica's in-flight requests`);
  if (failover.beyond.connectionErrors > 0) failures.push(`${failover.beyond.connectionErrors} connection errors or timeouts`);
  if (failover.writes.lost > 0) failures.push(`${failover.writes.lost} acknowledged writes are missing`);
  if (failover.writes.audited !== failover.writes.stored) failures.push(`${failover.writes.stored - failover.writes.audited} stored writes have no audit entry`);
  for (const outage of failover.outages) {
    const others = Object.keys(failover.servedAtEnd).filter((name) => name !== outage.replica);
    const servedMeanwhile = others.some((name) => (outage.servedAtRestart?.[name] ?? 0) > (outage.servedAtDown?.[name] ?? 0));
    if (!servedMeanwhile) failures.push(`no other replica served while ${outage.replica} was down`);
    if ((outage.servedAtRestart?.[outage.replica] ?? 0) < (outage.servedAtDown?.[outage.replica] ?? 0)) failures.push(`${outage.replica}'s counter went backwards`);
    if (!(failover.servedAtEnd[outage.replica]! > (outage.servedAtRestart?.[outage.replica] ?? 0))) failures.push(`${outage.replica} served nothing after its restart`);
  }
  return failures;
}

function print(throughput: ThroughputRun[], failover: FailoverRun | undefined): void {
  say();
  say('Load-balanced throughput (haproxy, same network, same mix):');
  say('replicas   requests   req/s    p50 ms    p99 ms   5xx   load avg    served by');
  for (const run of throughput) {
    say(
      `${String(run.replicas).padStart(8)} ${String(run.requests).padStart(10)} ${run.requestsPerSecond.toFixed(1).padStart(7)} ${run.p50.toFixed(0).padStart(9)} ${run.p99.toFixed(0).padStart(9)} ${String(run.status5xx).padStart(5)}   ${run.loadAverage.map((value) => value.toFixed(1)).join('→').padEnd(9)}   ${Object.entries(run.servedBy).map(([name, served]) => `${name} ${served}`).join(', ')}`,
    );
  }
  if (!failover) return;
  const { result } = failover;
  say();
  say(`Failover run (${failover.replicas} replicas): ${result.requests.total} requests (${(result.requests.total / result.duration).toFixed(1)}/s), p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; HTTP 2xx ${result['2xx']}, 4xx ${result['4xx']}, 5xx ${result['5xx']}, connection errors ${result.errors}, timeouts ${result.timeouts}`);
  for (const outage of failover.outages) {
    say(
      `  ${outage.replica} ${outage.drainedAt === undefined ? '' : `drained in haproxy at ${seconds(outage.drainedAt)}, `}${outage.how} at ${seconds(outage.stoppedAt)}: exited at ${seconds(outage.exitedAt)}, haproxy marked it ${outage.how === 'SIGKILL' ? 'DOWN' : 'DRAIN'} at ${seconds(outage.markedDownAt)}, ` +
        `restarted (ready) at ${seconds(outage.restartedAt)}, marked UP at ${seconds(outage.markedUpAt)}`,
    );
  }
  say(`  5xx of requests in flight on the killed replica: ${failover.inFlightAtKill}; 5xx and connection errors beyond them: ${failover.beyond.serverErrors + failover.beyond.connectionErrors} (around the graceful stop: ${failover.beyond.during.graceful})`);
  say(`  Served (2xx) by each replica at the end: ${Object.entries(failover.servedAtEnd).map(([name, served]) => `${name} ${served}`).join(', ')}`);
  say(`  Writes acknowledged (every run): ${failover.writes.acknowledged}; in the members' databases: ${failover.writes.stored}; lost: ${failover.writes.lost}; with an audit entry: ${failover.writes.audited}`);
}
