import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defineEnv, Role, signDevToken } from '@wps/kit';
import { DEMO_MEMBERS, REPO_ROOT } from '@wps/launcher';
import { loadGeneratorLimits, startBenchNetwork } from './bench-network.js';
import { emptyObservations, percentile, runTraffic } from './traffic.js';
import { findWriteTargets, Workload, type OperationName, type Operation } from './workload.js';

/** Every variable `npm run bench` reads (plus DATABASE_URL/PG*, as `npm start`). */
const benchEnv = defineEnv({
  BENCH_MEMBERS: { kind: 'list', describe: 'Member states to start (default: the 12 demo members)' },
  BENCH_RUNS: { kind: 'int', default: '40', min: 5, describe: 'Timed runs of each operation, one at a time' },
  BENCH_THROUGHPUT_S: { kind: 'int', default: '20', min: 0, describe: 'Seconds of the read-throughput run (0: skip)' },
  BENCH_CONNECTIONS: { kind: 'int', default: '10', min: 1, describe: 'Connections of the read-throughput run' },
  BENCH_REPORT: { kind: 'string', describe: 'Where to write the JSON report (default .data/bench/benchmark-report.json)' },
});

/** What is timed, one request at a time on an otherwise idle hub: what each kind of user asks most. */
const CASES: { name: OperationName; what: string; token?: 'focal-point' }[] = [
  { name: 'FrameworkPlans', what: 'AU CRF members: current plan, logframe, indicator status, budget execution' },
  { name: 'FrameworkProgress', what: 'AU CRF members: current plan, indicators, published values' },
  { name: 'PillarIndicatorsProgress', what: 'AU CRF participation indicators: every member\'s progress and the summary' },
  { name: 'FrameworkCoverage', what: 'AU CRF coverage: current plan, costed, M&E framework, last-cycle report' },
  { name: 'FrameworkProgressExport', what: 'what the CSV export asks (AU CRF, every indicator × member)' },
  { name: 'CountryProfile', what: 'one country\'s profile' },
  { name: 'ConnectedCountries', what: 'members of a framework (regional subgraph only)' },
  { name: 'KnowledgeSearch', what: 'full-text search over practices, sessions, resources' },
  { name: 'RecordMeasurement', what: 'a focal point records a measurement', token: 'focal-point' },
];

const say = (line = '') => process.stdout.write(`${line}\n`);

/**
 * `npm run bench`: how fast the hub answers on this machine. Starts a fresh
 * network of the demo members (timing the start, seeding included), times
 * each case one request at a time, then measures read throughput with a few
 * connections. Figures only: nothing here passes or fails.
 */
async function main(): Promise<void> {
  const config = benchEnv.read(process.env);
  const members = (config.BENCH_MEMBERS ?? [...DEMO_MEMBERS]).map((code) => code.toUpperCase());
  say(`Starting a fresh network of ${members.length} members (${members.join(', ')})…`);
  const limits = loadGeneratorLimits(config.BENCH_CONNECTIONS);
  say(limits.description);
  const started = performance.now();
  const hub = await startBenchNetwork({ label: 'benchmark', members, gatewayEnv: limits.env });
  const startupMs = performance.now() - started;
  say(`Up in ${(startupMs / 1000).toFixed(1)} s (fresh databases: migrations and demo seed included).`);
  try {
    const url = hub.network.gatewayUrl;
    const targets = await findWriteTargets(url, members);
    const focalPoint = targets[0]!.countryCode;
    const token = await signDevToken(hub.keys.privateKeyFile, { subject: `benchmark:focal-point-${focalPoint.toLowerCase()}`, roles: [Role.FOCAL_POINT], country: focalPoint });
    const workload = new Workload(members, targets.filter((target) => target.countryCode === focalPoint), [], 'benchmark');

    say();
    say(`case                        p50 ms   p95 ms   max ms   response   what`);
    const cases: Record<string, { p50: number; p95: number; max: number; bytes: number; what: string }> = {};
    for (const { name, what, token: needs } of CASES) {
      const timings: number[] = [];
      let bytes = 0;
      for (let run = -5; run < config.BENCH_RUNS; run += 1) {
        const request = workload.prepare(name);
        const begun = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(needs ? { authorization: `Bearer ${token}` } : {}) },
          body: request.body,
        });
        const text = await response.text();
        const elapsed = performance.now() - begun;
        const body = JSON.parse(text) as { errors?: unknown[] };
        if (response.status !== 200 || body.errors) throw new Error(`${name} failed (${response.status}): ${text.slice(0, 300)}`);
        if (run < 0) continue; // warm-up
        timings.push(elapsed);
        bytes = text.length;
      }
      cases[name] = { p50: percentile(timings, 50), p95: percentile(timings, 95), max: Math.max(...timings), bytes, what };
      const { p50, p95, max } = cases[name]!;
      say(`${name.padEnd(26)} ${p50.toFixed(0).padStart(7)} ${p95.toFixed(0).padStart(8)} ${max.toFixed(0).padStart(8)} ${`${(bytes / 1024).toFixed(0)} KiB`.padStart(10)}   ${what}`);
    }

    let throughput: { connections: number; seconds: number; requestsPerSecond: number; p50: number; p99: number; non2xx: number } | undefined;
    if (config.BENCH_THROUGHPUT_S > 0) {
      const reads: Operation[] = [
        { name: 'FrameworkPlans', weight: 1, write: false },
        { name: 'FrameworkProgress', weight: 1, write: false },
        { name: 'CountryProfile', weight: 1, write: false },
        { name: 'ConnectedCountries', weight: 1, write: false },
      ];
      say();
      say(`Read throughput: ${config.BENCH_CONNECTIONS} connections for ${config.BENCH_THROUGHPUT_S} s (plans, progress, profiles, memberships)…`);
      const result = await runTraffic({
        url,
        connections: config.BENCH_CONNECTIONS,
        durationSeconds: config.BENCH_THROUGHPUT_S,
        workload: new Workload(members, [], reads, 'benchmark-reads'),
        writeTokens: new Map(),
        observations: emptyObservations(),
        origin: performance.now(),
      });
      throughput = { connections: config.BENCH_CONNECTIONS, seconds: config.BENCH_THROUGHPUT_S, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
      say(`  ${result.requests.average.toFixed(1)} requests/s; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; non-2xx ${result.non2xx}, errors ${result.errors}`);
    }

    const reportFile = config.BENCH_REPORT ?? path.join(REPO_ROOT, '.data', 'bench', 'benchmark-report.json');
    mkdirSync(path.dirname(reportFile), { recursive: true });
    writeFileSync(reportFile, `${JSON.stringify({ at: new Date().toISOString(), members, runs: config.BENCH_RUNS, startupMs, cases, throughput }, null, 2)}\n`);
    say();
    say(`Report: ${path.relative(process.cwd(), reportFile)}`);
  } finally {
    await hub.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
