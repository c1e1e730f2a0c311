import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defineEnv } from '@wps/kit';
import { REPO_ROOT } from '@wps/launcher';
import { startBenchNetwork } from './bench-network.js';
import { CpuProbe, summariseProfile } from './cpu-profile.js';
import { cpuMs, INSPECTOR_NODE_OPTIONS } from './memory-probe.js';
import { percentile } from './traffic.js';

const env = defineEnv({
  BENCH_MEMBER: { kind: 'string', default: 'KE', describe: 'The member to time (a demo member: KE has a 27-indicator plan)' },
  BENCH_QUERIES: { kind: 'int', default: '300', min: 20, describe: 'Answers to time (after as many to warm the member)' },
  BENCH_PROFILE: { kind: 'bool', default: 'true', describe: "Then profile the member's CPU (V8's profiler through the inspector) over as many answers" },
  BENCH_REPORT: { kind: 'string', describe: 'JSON report (default .data/bench/member-report.json)' },
});

const say = (line = '') => process.stdout.write(`${line}\n`);

/** The target (issue 11): a member's answer to the AU-wide sub-request, alone on a quiet machine. */
const TARGET_P50_MS = 4;

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
  try {
    const member = hub.network.members.get(code)!;
    const body = subRequest(code);
    const answer = async () => {
      const begun = performance.now();
      const response = await fetch(member.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${code} answered ${response.status}: ${text.slice(0, 300)}`);
      return { ms: performance.now() - begun, bytes: text.length, indicators: (text.match(/"Indicator"/g) ?? []).length };
    };
    const first = await answer();
    for (let run = 0; run < config.BENCH_QUERIES; run += 1) await answer();
    const latencies: number[] = [];
    const cpuBefore = cpuMs(member.pid);
    for (let run = 0; run < config.BENCH_QUERIES; run += 1) latencies.push((await answer()).ms);
    const cpuPerAnswer = (cpuMs(member.pid) - cpuBefore) / config.BENCH_QUERIES;
    const p50 = percentile(latencies, 50);
    say(`${code}'s answer to the AU-wide sub-request: ${first.indicators} indicators, ${(first.bytes / 1024).toFixed(1)} KiB`);
    say(`  p50 ${p50.toFixed(2)} ms (target ≤${TARGET_P50_MS} ms: ${(p50 / TARGET_P50_MS).toFixed(2)}×), p90 ${percentile(latencies, 90).toFixed(2)} ms; member CPU ${cpuPerAnswer.toFixed(2)} ms per answer (${config.BENCH_QUERIES} answers, one at a time)`);
    const report: Record<string, unknown> = { at: new Date().toISOString(), loadAverage: load, member: code, indicators: first.indicators, bytes: first.bytes, queries: config.BENCH_QUERIES, p50Ms: p50, p90Ms: percentile(latencies, 90), targetP50Ms: TARGET_P50_MS, cpuMsPerAnswer: cpuPerAnswer };

    if (config.BENCH_PROFILE) {
      const probe = await CpuProbe.attach(path.join(hub.logDir, `nap-${code.toLowerCase()}.log`));
      try {
        await probe.start();
        for (let run = 0; run < config.BENCH_QUERIES; run += 1) await answer();
        const profile = summariseProfile(await probe.stop(), 15);
        report.profile = profile;
        say(`  profile: ${(profile.totalMs / config.BENCH_QUERIES).toFixed(2)} ms of CPU sampled per answer, by origin:`);
        for (const origin of profile.byOrigin.slice(0, 12)) say(`    ${origin.origin.padEnd(36)} ${(origin.share * 100).toFixed(1).padStart(5)}%`);
      } finally {
        probe.close();
      }
    }
    const reportFile = config.BENCH_REPORT ?? path.join(REPO_ROOT, '.data', 'bench', 'member-report.json');
    mkdirSync(path.dirname(reportFile), { recursive: true });
    writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
    say(`Report: ${path.relative(process.cwd(), reportFile)}`);
  } finally {
    await hub.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`member benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
