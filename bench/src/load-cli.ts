import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type autocannon from 'autocannon';
import { defineEnv, Role, signDevToken, type EnvValues } from '@wps/kit';
import { REPO_ROOT } from '@wps/launcher';
import { loadGeneratorLimits, startBenchNetwork, type BenchNetwork } from './bench-network.js';
import { INSPECTOR_NODE_OPTIONS, MemoryProbe, residentSetSize, type MemoryReading } from './memory-probe.js';
import { emptyObservations, percentile, runTraffic, type AcknowledgedWrite, type TrafficObservations } from './traffic.js';
import { findWriteTargets, Workload } from './workload.js';
import { replicaLoad } from './replica-load.js';
import { storedWrites } from './stored-writes.js';
import { createHubClient, FrameworkProgressDocument, RegisterMemberDocument } from '@wps/sdk';
import { HOSTILE_MODES, startHostileMember, type HostileMember } from '@wps/tests';

/** Every variable `npm run load` reads (plus DATABASE_URL/PG*, as `npm start`). */
const loadEnv = defineEnv({
  LOAD_MEMBERS: { kind: 'list', default: 'KE,NG,SE', describe: 'Member states to start' },
  LOAD_CONNECTIONS: { kind: 'int', default: '50', min: 1, max: 1000, describe: 'Concurrent client connections' },
  LOAD_DURATION_S: { kind: 'int', default: '60', min: 5, describe: 'Length of the measured run in seconds' },
  LOAD_WARMUP_S: { kind: 'int', default: '10', min: 0, describe: 'Warm-up with the same mix before the "before" memory reading' },
  LOAD_KILL_MEMBER: { kind: 'countryCode', default: 'NG', describe: 'The member killed (SIGKILL) and restarted during the run' },
  LOAD_KILL_AT_S: { kind: 'int', default: '20', min: 0, describe: 'When the member is killed, in seconds into the run' },
  LOAD_DOWN_S: { kind: 'int', default: '5', min: 0, describe: 'How long it stays down before it is restarted' },
  LOAD_REPORT: { kind: 'string', describe: 'Where to write the JSON report (default .data/bench/load-report.json)' },
  LOAD_HOSTILE: { kind: 'string', describe: 'A hostile member mode (tests/src/hostile: forge, wrong-shape, long-error, blame) registered throughout the run; also --hostile <mode>' },
  LOAD_HOSTILE_COUNTRY: { kind: 'countryCode', default: 'LS', describe: 'The country the hostile member is registered for' },
  LOAD_REPLICAS: { kind: 'list', describe: 'Gateway replicas behind haproxy, e.g. 1,2,3: a throughput run for each, then the failover run at the largest; also --replicas 1,2,3' },
  LOAD_REPLICA_RUN_S: { kind: 'int', default: '30', min: 5, describe: "With replicas: length of each replica count's throughput run in seconds (the failover run lasts LOAD_DURATION_S)" },
  LOAD_GRACEFUL_AT_S: { kind: 'int', default: '40', min: 0, describe: 'With replicas: when the second replica is stopped gracefully (SIGTERM) in the failover run, in seconds (the first is SIGKILLed at LOAD_KILL_AT_S)' },
});
type LoadConfig = EnvValues<typeof loadEnv.spec>;

/** The gateway's RSS may grow by at most this share over the run (issue 6). */
const RSS_GROWTH_LIMIT = 0.2;

interface LoadRun {
  members: string[];
  victim: string;
  /** The hostile member registered throughout the run, if any: its country and mode. */
  hostile?: { countryCode: string; mode: string };
  result: autocannon.Result;
  warmup: TrafficObservations;
  observations: TrafficObservations;
  /** When the victim was killed, asked to restart and ready again, in ms since the run started. */
  events: { killedAt?: number; restartRequestedAt?: number; readyAt?: number };
  memory: { start: MemoryReading; before: MemoryReading; after: MemoryReading; rssTimeline: [number, number][] };
  writes: { acknowledged: number; stored: number; audited: number; missing: AcknowledgedWrite[] };
}

const say = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (ms: number | undefined) => (ms === undefined ? '?' : `${(ms / 1000).toFixed(1)} s`);
const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Let in-flight work finish before memory is read. */
const settle = () => sleep(3000);

/**
 * `npm run load`: the load test of issue 6. A fresh network on loopback; 50
 * connections for 60 s through the gateway, mixing cross-country reads and
 * measurement writes, while one member is killed (SIGKILL) and restarted.
 * Passes when no response is a 5xx or a connection error, every acknowledged
 * measurement (and its audit entry) is in its member's database afterwards,
 * no error names a member other than the one killed, and the gateway's RSS
 * after the run is within 20% of before (both read after a full collection,
 * the "before" after a warm-up with the same mix). With `--hostile <mode>`
 * (LOAD_HOSTILE) a hostile member is registered for LS throughout, and its
 * MEMBER_UNAVAILABLE (invalid_response) errors must be the only others.
 */
/** `--hostile <mode>` or `--hostile=<mode>` on the command line, else LOAD_HOSTILE. */
function hostileModeOf(argv: readonly string[], fallback: string | undefined): string | undefined {
  const at = argv.findIndex((arg) => arg === '--hostile' || arg.startsWith('--hostile='));
  if (at < 0) return fallback;
  const mode = argv[at]!.includes('=') ? argv[at]!.slice('--hostile='.length) : argv[at + 1];
  if (!mode || !(mode in HOSTILE_MODES)) throw new Error(`--hostile needs one of ${Object.keys(HOSTILE_MODES).join(', ')}`);
  return mode;
}

/** `--replicas 1,2,3` or `--replicas=3` on the command line, else LOAD_REPLICAS: replica counts, each at least 1. */
function replicaCountsOf(argv: readonly string[], fallback: readonly string[] | undefined): number[] | undefined {
  const at = argv.findIndex((arg) => arg === '--replicas' || arg.startsWith('--replicas='));
  const list = at < 0 ? fallback : (argv[at]!.includes('=') ? argv[at]!.slice('--replicas='.length) : (argv[at + 1] ?? '')).split(',');
  if (!list) return undefined;
  const counts = list.map((entry) => Number(entry.trim()));
  if (counts.length === 0 || counts.some((count) => !Number.isInteger(count) || count < 1 || count > 8)) throw new Error('--replicas needs replica counts from 1 to 8, e.g. --replicas 1,2,3');
  return counts;
}

async function main(): Promise<void> {
  const config = loadEnv.read(process.env);
  const hostileMode = hostileModeOf(process.argv.slice(2), config.LOAD_HOSTILE);
  const members = config.LOAD_MEMBERS.map((code) => code.toUpperCase());
  const replicaCounts = replicaCountsOf(process.argv.slice(2), config.LOAD_REPLICAS);
  if (replicaCounts) {
    if (hostileMode) throw new Error('--replicas and --hostile are separate runs: choose one');
    await replicaLoad(
      {
        members,
        connections: config.LOAD_CONNECTIONS,
        throughputSeconds: config.LOAD_REPLICA_RUN_S,
        failoverSeconds: config.LOAD_DURATION_S,
        warmupSeconds: config.LOAD_WARMUP_S,
        killAtSeconds: config.LOAD_KILL_AT_S,
        gracefulAtSeconds: config.LOAD_GRACEFUL_AT_S,
        downSeconds: config.LOAD_DOWN_S,
        reportFile: config.LOAD_REPORT,
      },
      replicaCounts,
    );
    return;
  }
  const victim = config.LOAD_KILL_MEMBER;
  if (!members.includes(victim)) throw new Error(`LOAD_KILL_MEMBER ${victim} is not one of LOAD_MEMBERS (${members.join(', ')})`);

  say(`Starting a network of ${members.join(', ')} for the load test…`);
  // The gateway's inspector lets the test read its memory after a full collection (memory-probe.ts).
  const limits = loadGeneratorLimits(config.LOAD_CONNECTIONS);
  say(limits.description);
  const hub = await startBenchNetwork({ label: 'load', members, gatewayEnv: { NODE_OPTIONS: INSPECTOR_NODE_OPTIONS, ...limits.env } });
  let run: LoadRun;
  try {
    const probe = await MemoryProbe.attach(hub.network.gateway.pid, path.join(hub.logDir, 'gateway.log'));
    let hostile: HostileMember | undefined;
    try {
      if (hostileMode) hostile = await registerHostileMember(hub, hostileMode, config.LOAD_HOSTILE_COUNTRY);
      run = await loadTest(hub, probe, config, members, victim);
      if (hostile) run.hostile = { countryCode: hostile.countryCode, mode: hostile.mode };
    } finally {
      probe.close();
      await hostile?.stop();
    }
  } finally {
    await hub.stop();
  }
  const failures = judge(run);
  print(run);
  const reportFile = config.LOAD_REPORT ?? path.join(REPO_ROOT, '.data', 'bench', 'load-report.json');
  writeReport(reportFile, config, run, failures);
  say(`Report: ${path.relative(process.cwd(), reportFile)}`);
  say();
  if (failures.length > 0) {
    say(`FAILED:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    say(`PASSED: zero 5xx, no lost writes, only the killed member${run.hostile ? ` and the hostile ${run.hostile.countryCode} (invalid_response)` : ''} named in errors, gateway RSS within 20%.`);
  }
}

/**
 * A hostile member (tests/src/hostile) registered for `countryCode` as the
 * hub admin would, once the gateway routes to it: every cross-country read
 * of the run then reaches it, and its part must fail alone.
 */
async function registerHostileMember(hub: BenchNetwork, mode: string, countryCode: string): Promise<HostileMember> {
  const hostile = await startHostileMember(mode, countryCode);
  const admin = createHubClient({ url: hub.network.gatewayUrl, token: await signDevToken(hub.keys.privateKeyFile, { subject: 'load-test:hub-admin', roles: [Role.HUB_ADMIN] }) });
  const registered = await admin.execute(RegisterMemberDocument, { input: { countryCode, endpoint: hostile.url } });
  if (registered.errors.length > 0) throw new Error(`the hostile member was not registered: ${registered.errors.map((error) => error.message).join('; ')}`);
  const reached = async () => ((await admin.execute(FrameworkProgressDocument, { framework: 'AU_CRF' })).errors ?? []).some((error) => error.extensions?.country === countryCode);
  const deadline = Date.now() + 30_000;
  while (!(await reached())) {
    if (Date.now() > deadline) throw new Error(`the gateway did not route to the hostile member ${countryCode} within 30 s`);
    await sleep(250);
  }
  say(`Hostile member registered for ${countryCode} (mode ${mode}: ${HOSTILE_MODES[mode]!.describe}); the gateway routes to it.`);
  return hostile;
}

async function loadTest(hub: BenchNetwork, probe: MemoryProbe, config: LoadConfig, members: string[], victim: string): Promise<LoadRun> {
  const { network } = hub;
  const targets = await findWriteTargets(network.gatewayUrl, members);
  const writeTokens = new Map<string, string>();
  for (const code of members) {
    writeTokens.set(code, await signDevToken(hub.keys.privateKeyFile, { subject: `load-test:focal-point-${code.toLowerCase()}`, roles: [Role.FOCAL_POINT], country: code }));
  }
  const workload = new Workload(members, targets);
  const traffic = (durationSeconds: number, observations: TrafficObservations, origin: number) =>
    runTraffic({ url: network.gatewayUrl, connections: config.LOAD_CONNECTIONS, durationSeconds, workload, writeTokens, observations, origin });

  const start = await probe.read();
  say(`Gateway memory at start: ${describeMemory(start)}. ${targets.length} indicators to write to.`);

  // Warm-up: the same mix (its writes are checked too), so "before" is a gateway that has served this traffic.
  const warmup = emptyObservations();
  if (config.LOAD_WARMUP_S > 0) {
    say(`Warm-up: ${config.LOAD_CONNECTIONS} connections for ${config.LOAD_WARMUP_S} s…`);
    await traffic(config.LOAD_WARMUP_S, warmup, performance.now());
    await settle();
  }
  const before = await probe.read();

  say(`Load: ${config.LOAD_CONNECTIONS} connections for ${config.LOAD_DURATION_S} s; ${victim} killed at ${config.LOAD_KILL_AT_S} s, restarted ${config.LOAD_DOWN_S} s later…`);
  const origin = performance.now();
  const since = () => performance.now() - origin;
  const events: LoadRun['events'] = {};
  const chaos = (async () => {
    await sleep(config.LOAD_KILL_AT_S * 1000);
    const member = network.members.get(victim)!;
    process.kill(member.pid, 'SIGKILL');
    await member.exited;
    events.killedAt = since();
    await sleep(config.LOAD_DOWN_S * 1000);
    events.restartRequestedAt = since();
    await network.startMember(victim);
    events.readyAt = since();
  })();
  const rssTimeline: [number, number][] = [];
  const sampler = setInterval(() => {
    residentSetSize(network.gateway.pid).then((rss) => rssTimeline.push([Math.round(since() / 1000), rss]), () => undefined);
  }, 5000);
  const observations = emptyObservations();
  const result = await traffic(config.LOAD_DURATION_S, observations, origin);
  clearInterval(sampler);
  await chaos;
  await settle();
  const after = await probe.read();

  const acknowledged = [...warmup.acknowledged, ...observations.acknowledged];
  const stored = await storedWrites(hub, members, acknowledged);
  return {
    members,
    victim,
    result,
    warmup,
    observations,
    events,
    memory: { start, before, after, rssTimeline },
    writes: { acknowledged: acknowledged.length, stored: stored.found, audited: stored.audited, missing: stored.missing },
  };
}

const rssGrowthOf = (run: LoadRun) => (run.memory.after.rssAfterGc - run.memory.before.rssAfterGc) / run.memory.before.rssAfterGc;

/** Every way the run fell short of issue 6's bar (empty when it passed). */
function judge(run: LoadRun): string[] {
  const { result, victim, hostile } = run;
  const failures: string[] = [];
  if (result['5xx'] > 0) failures.push(`${result['5xx']} responses were 5xx`);
  if (result.non2xx > 0) failures.push(`${result.non2xx} responses were not 2xx`);
  if (result.errors > 0 || result.timeouts > 0) failures.push(`${result.errors} connection errors, ${result.timeouts} timeouts`);
  if (run.writes.missing.length > 0) failures.push(`${run.writes.missing.length} acknowledged writes are missing, e.g. ${JSON.stringify(run.writes.missing.slice(0, 3))}`);
  if (run.writes.audited !== run.writes.stored) failures.push(`${run.writes.stored - run.writes.audited} stored writes have no audit entry`);

  // A member's failure is reported for that member only: any other error is one too many.
  const unexpected = new Map<string, number>();
  for (const [, entry] of [...run.warmup.operations, ...run.observations.operations]) {
    for (const [key, count] of Object.entries(entry.errorCodes)) {
      const expected = key.startsWith(`MEMBER_UNAVAILABLE ${victim}`) || (hostile && key === `MEMBER_UNAVAILABLE ${hostile.countryCode} (invalid_response)`);
      if (!expected) unexpected.set(key, (unexpected.get(key) ?? 0) + count);
    }
  }
  const named = hostile ? `${victim} being unavailable and the hostile ${hostile.countryCode} answering invalidly` : `${victim} being unavailable`;
  if (unexpected.size > 0) failures.push(`errors other than ${named}: ${[...unexpected].map(([key, count]) => `${key} ×${count}`).join(', ')}`);
  if (hostile && !run.observations.memberErrorTimes.has(hostile.countryCode)) failures.push(`no error named the hostile member ${hostile.countryCode}: the traffic did not reach it`);
  if (!run.observations.memberErrorTimes.has(victim)) failures.push(`no error named ${victim}: the kill did not reach the traffic`);

  const growth = rssGrowthOf(run);
  if (growth > RSS_GROWTH_LIMIT) failures.push(`gateway RSS grew by ${(growth * 100).toFixed(1)}% (limit ${RSS_GROWTH_LIMIT * 100}%)`);
  return failures;
}

function print(run: LoadRun): void {
  const { result, victim, events, memory } = run;
  say();
  say(
    `Requests: ${result.requests.total} in ${seconds(result.duration * 1000)} (${result.requests.average.toFixed(0)} req/s average); ` +
      `latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  );
  say(`HTTP: 2xx ${result['2xx']}, 4xx ${result['4xx']}, 5xx ${result['5xx']}; connection errors ${result.errors}, timeouts ${result.timeouts}`);
  say();
  say('operation                  requests    p50 ms    p95 ms    p99 ms   errors');
  for (const [name, entry] of [...run.observations.operations].sort(([a], [b]) => a.localeCompare(b))) {
    const errors = Object.entries(entry.errorCodes).map(([key, count]) => `${key} ×${count}`).join(', ') || '-';
    const columns = [50, 95, 99].map((p) => percentile(entry.latencies, p).toFixed(0).padStart(9)).join(' ');
    say(`${name.padEnd(25)} ${String(entry.requests).padStart(9)} ${columns}   ${errors}`);
  }
  say();
  const victimErrors = run.observations.memberErrorTimes.get(victim) ?? [];
  say(
    `${victim}: killed at ${seconds(events.killedAt)}, restarted at ${seconds(events.restartRequestedAt)}, ready at ${seconds(events.readyAt)}; ` +
      (victimErrors.length > 0 ? `errors naming it from ${seconds(Math.min(...victimErrors))} to ${seconds(Math.max(...victimErrors))} (${victimErrors.length})` : 'no error named it'),
  );
  say(`Writes acknowledged: ${run.writes.acknowledged} (warm-up included); in the members' databases: ${run.writes.stored}; lost: ${run.writes.missing.length}; with an audit entry: ${run.writes.audited}`);
  say(`Gateway RSS during the run (MiB): ${memory.rssTimeline.map(([at, rss]) => `${at} s ${(rss / 1024 / 1024).toFixed(0)}`).join(', ')}`);
  say(`Gateway memory before the run (after warm-up): ${describeMemory(memory.before)}`);
  say(`Gateway memory after the run: ${describeMemory(memory.after)}`);
  const growth = rssGrowthOf(run);
  say(`Gateway RSS after a full collection, after vs before: ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% (limit +${RSS_GROWTH_LIMIT * 100}%)`);
}

const describeMemory = (reading: MemoryReading) =>
  `RSS ${mebibytes(reading.rss)}, ${mebibytes(reading.rssAfterGc)} after a full collection (live heap ${mebibytes(reading.heapUsedAfterGc)})`;

function writeReport(file: string, config: LoadConfig, run: LoadRun, failures: string[]): void {
  const { result } = run;
  mkdirSync(path.dirname(file), { recursive: true });
  const report = {
    at: new Date().toISOString(),
    members: run.members,
    connections: config.LOAD_CONNECTIONS,
    durationSeconds: config.LOAD_DURATION_S,
    victim: run.victim,
    hostile: run.hostile,
    events: run.events,
    http: { requests: result.requests, latency: result.latency, throughput: result.throughput, '2xx': result['2xx'], '4xx': result['4xx'], '5xx': result['5xx'], errors: result.errors, timeouts: result.timeouts },
    operations: Object.fromEntries(
      [...run.observations.operations].map(([name, entry]) => [
        name,
        { requests: entry.requests, statuses: entry.statuses, errorCodes: entry.errorCodes, p50: percentile(entry.latencies, 50), p95: percentile(entry.latencies, 95), p99: percentile(entry.latencies, 99) },
      ]),
    ),
    writes: { acknowledged: run.writes.acknowledged, stored: run.writes.stored, lost: run.writes.missing.length, audited: run.writes.audited },
    gatewayMemory: { ...run.memory, rssGrowthAfterGc: rssGrowthOf(run) },
    failures,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`load test failed to run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
