import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defineEnv } from '@wps/kit';
import { REPO_ROOT } from '@wps/launcher';
import { startBenchNetwork } from './bench-network.js';
import { CpuProbe, saveProfile, summariseProfile } from './cpu-profile.js';
import { cpuMs, INSPECTOR_NODE_OPTIONS } from './memory-probe.js';
import { percentile } from './traffic.js';
import { Pool } from 'undici';

const env = defineEnv({
  BENCH_MEMBER: { kind: 'string', default: 'KE', describe: 'The member to time (a demo member: KE has a 27-indicator plan)' },
  BENCH_QUERIES: { kind: 'int', default: '300', min: 20, describe: 'Answers to time (after as many to warm the member)' },
  BENCH_PROFILE: { kind: 'bool', default: 'true', describe: "Then profile the member's CPU (V8's profiler through the inspector) over as many answers" },
  BENCH_REPORT: { kind: 'string', describe: 'JSON report (default .data/bench/member-report.json)' },
});

const say = (line = '') => process.stdout.write(`${line}\n`);

/** The target (issue 11): a member's answer to the AU-wide sub-request, alone on a quiet machine. */
const TARGET_P50_MS = 4;

const FLOOR_BODY = JSON.stringify({ query: '{ __typename }' });

/**
 * The AU-wide query's sub-request to one member (`FrameworkProgress`'s
 * selection under `countries`, as the gateway sends it: one `_entities`
 * call for the member's Country).
 */
const subRequest = (countryCode: string) =>
  JSON.stringify({
    query:
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { __typename currentActionPlan { __typename id title status period { start end } indicators { __typename code title unit measurements { period value } } } } } }',
    variables: { representations: [{ __typename: 'Country', code: countryCode }] },
  });

/**
 * `npm run bench:member`: one member's own cost, alone, for its part of the
 * AU-wide query: latency (p50, p90) and CPU per answer from its process's
 * CPU time, then a V8 profile of as many answers by origin (ours, TypeORM,
 * graphql-js, …). The member runs as the launcher runs it (one process,
 * NODE_ENV=production). Figures only; not part of `npm test`.
 */
async function main(): Promise<void> {
  const config = env.read(process.env);
  const code = config.BENCH_MEMBER.toUpperCase();
  const load = loadavg();
  say(`Member benchmark (${code}): load average ${load.map((value) => value.toFixed(1)).join(' ')} (figures are from a ${load[0]! > 2 ? 'shared, noisy' : 'quiet'} machine).`);
  const hub = await startBenchNetwork({ label: 'member', members: [code], memberEnv: config.BENCH_PROFILE ? { [code]: { NODE_OPTIONS: INSPECTOR_NODE_OPTIONS } } : {} });
  let pool: Pool | undefined;
  try {
    const member = hub.network.members.get(code)!;
    // The gateway's own client (undici, a keep-alive pool per member): what a member's answer costs the gateway's side too.
    const endpoint = new URL(member.url);
    pool = new Pool(endpoint.origin, { connections: 1 });
    const client = pool;
    const post = async (body: string) => {
      const begun = performance.now();
      const response = await client.request({ path: endpoint.pathname, method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.body.text();
      if (response.statusCode !== 200 || text.includes('"errors"')) throw new Error(`${code} answered ${response.statusCode}: ${text.slice(0, 300)}`);
      return { ms: performance.now() - begun, text };
    };
    const body = subRequest(code);
    const answer = async () => {
      const { ms, text } = await post(body);
      return { ms, bytes: text.length, indicators: (text.match(/"Indicator"/g) ?? []).length };
    };
    const first = await answer();
    for (let run = 0; run < config.BENCH_QUERIES; run += 1) await answer();
    const latencies: number[] = [];
    const cpuBefore = cpuMs(member.pid);
    for (let run = 0; run < config.BENCH_QUERIES; run += 1) latencies.push((await answer()).ms);
    const cpuPerAnswer = (cpuMs(member.pid) - cpuBefore) / config.BENCH_QUERIES;
    // The floor: an answer with no data through the same client, HTTP server, express and Apollo Server.
    const floorLatencies: number[] = [];
    const floorCpuBefore = cpuMs(member.pid);
    for (let run = 0; run < config.BENCH_QUERIES; run += 1) floorLatencies.push((await post(FLOOR_BODY)).ms);
    const floorCpu = (cpuMs(member.pid) - floorCpuBefore) / config.BENCH_QUERIES;
    const p50 = percentile(latencies, 50);
    const floorP50 = percentile(floorLatencies, 50);
    say(`${code}'s answer to the AU-wide sub-request: ${first.indicators} indicators, ${(first.bytes / 1024).toFixed(1)} KiB`);
    say(`  p50 ${p50.toFixed(2)} ms (target ≤${TARGET_P50_MS} ms: ${(p50 / TARGET_P50_MS).toFixed(2)}×), p90 ${percentile(latencies, 90).toFixed(2)} ms; member CPU ${cpuPerAnswer.toFixed(2)} ms per answer (${config.BENCH_QUERIES} answers, one at a time)`);
    say(`  floor, \`{ __typename }\` (no data, no SQL): p50 ${floorP50.toFixed(2)} ms, member CPU ${floorCpu.toFixed(2)} ms; the answer is ${(p50 / floorP50).toFixed(2)}× the floor's p50 and ${(p50 - floorP50).toFixed(2)} ms above it`);
    const report: Record<string, unknown> = {
      at: new Date().toISOString(),
      loadAverage: load,
      member: code,
      indicators: first.indicators,
      bytes: first.bytes,
      queries: config.BENCH_QUERIES,
      p50Ms: p50,
      p90Ms: percentile(latencies, 90),
      targetP50Ms: TARGET_P50_MS,
      cpuMsPerAnswer: cpuPerAnswer,
      floor: { p50Ms: floorP50, cpuMsPerAnswer: floorCpu, answerVsFloor: p50 / floorP50 },
    };

    if (config.BENCH_PROFILE) {
      const probe = await CpuProbe.attach(path.join(hub.logDir, `nap-${code.toLowerCase()}.log`));
      try {
        await probe.start();
        for (let run = 0; run < config.BENCH_QUERIES; run += 1) await answer();
        const raw = await probe.stop();
        const profileFile = saveProfile(raw, path.join(REPO_ROOT, '.data', 'bench'), `member-${code.toLowerCase()}`);
        const profile = summariseProfile(raw, 15);
        report.profile = { ...profile, file: path.relative(REPO_ROOT, profileFile) };
        say(`  profile: ${(profile.totalMs / config.BENCH_QUERIES).toFixed(2)} ms of CPU sampled per answer, by origin:`);
        for (const origin of profile.byOrigin.slice(0, 12)) say(`    ${origin.origin.padEnd(36)} ${(origin.share * 100).toFixed(1).padStart(5)}%`);
        say(`  busiest functions (self time per answer; the whole profile: ${path.relative(process.cwd(), profileFile)}):`);
        for (const entry of profile.topFunctions.slice(0, 10)) say(`    ${(entry.ms / config.BENCH_QUERIES).toFixed(3).padStart(7)} ms  ${entry.name} (${entry.origin})`);
      } finally {
        probe.close();
      }
    }
    const reportFile = config.BENCH_REPORT ?? path.join(REPO_ROOT, '.data', 'bench', 'member-report.json');
    mkdirSync(path.dirname(reportFile), { recursive: true });
    writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    say(`Report: ${path.relative(process.cwd(), reportFile)}`);
  } finally {
    await pool?.close();
    await hub.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`member benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
