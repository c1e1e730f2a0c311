import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defineEnv } from '@wps/kit';
import { databaseUrl, dropDatabases, DEMO_MEMBERS, ensureDatabases, REPO_ROOT, selectMembers, SERVICE_SCRIPTS, spawnService, type ServiceProcess } from '@wps/launcher';
import { FrameworkProgressDocument, PillarIndicatorsProgressDocument } from '@wps/sdk';
import { print } from 'graphql';
import { loadGeneratorLimits, startBenchNetwork, type BenchNetwork } from './bench-network.js';
import { CpuProbe, saveProfile, summariseProfile } from './cpu-profile.js';
import { cpuMs, INSPECTOR_NODE_OPTIONS, residentSetSize } from './memory-probe.js';
import { comparePeer } from './peer-bench.js';
import { ReplayServer, type CapturedRequest } from './replay-server.js';

const env = defineEnv({
  BENCH_REPLAY_DELAY_MS: { kind: 'int', default: '40', min: 0, describe: 'Fixed delay of every replayed member answer (a round trip across a continent)' },
  BENCH_SIZES: { kind: 'list', describe: 'Member counts of the replayed runs (default 12,55,110)' },
  BENCH_QUERIES: { kind: 'int', default: '30', min: 5, describe: 'Queries per measurement (one at a time)' },
  BENCH_REPORT: { kind: 'string', describe: 'JSON report (default .data/bench/gateway-report.json)' },
  BENCH_PROFILE: { kind: 'bool', default: 'true', describe: "Profile the replayed gateway's CPU (V8's profiler through the inspector) over the same queries, after the measurement; the profile goes beside the report" },
  BENCH_PARTS: { kind: 'list', describe: 'Parts to run, of a,b,c,d (default all; b and d run together)' },
  BENCH_PEER_S: { kind: 'int', default: '10', min: 1, describe: '(c) seconds of each round of each gateway' },
  BENCH_PEER_ROUNDS: { kind: 'int', default: '3', min: 1, describe: '(c) rounds, alternating our gateway and Hive Gateway (and which goes first)' },
  BENCH_PEER_WARM_S: { kind: 'int', default: '20', min: 1, describe: '(c) seconds of unmeasured load on each gateway first (the gateways and the subgraphs they share take about 20 s to reach their steady speed)' },
  BENCH_CONNECTIONS: { kind: 'int', default: '10', min: 1, describe: "(c) connections of the load generator (the gateways' client limits are set for it)" },
  BENCH_MEMBERS: { kind: 'list', describe: "The real members (a) asks and (b) records, as HUB_MEMBERS takes them (codes, @AU_CRF, …; default the demo network); members with no NAP history get a synthetic load profile" },
  BENCH_MEMBERS_PER_PROCESS: { kind: 'int', default: '1', min: 1, max: 64, describe: 'Members per process (the launcher\'s HUB_MEMBERS_PER_PROCESS): 8 fits the AU\'s 55 on 2 cores' },
});

/** (a)'s target, by the number of members the query asks (issue 11): 1.1× on the demo network, 1.2× at 25, 1.3× at 55. */
const hubVsDirectTarget = (members: number) => (members <= 12 ? 1.1 : members <= 25 ? 1.2 : 1.3);

const say = (line = '') => process.stdout.write(`${line}\n`);

/** Every active member's current plan, indicators and values: the AU-wide query's selection, over every registered member. */
const ACTIVE_PROGRESS = print(FrameworkProgressDocument).replace('query FrameworkProgress($framework: FrameworkCode!)', 'query ActiveProgress').replace('countries(framework: $framework)', 'countries(memberStatus: ACTIVE)');
const QUERIES = {
  FrameworkProgress: { query: print(FrameworkProgressDocument), variables: { framework: 'AU_CRF' } },
  PillarIndicatorsProgress: { query: print(PillarIndicatorsProgressDocument), variables: { framework: 'AU_CRF', pillar: 'PARTICIPATION' } },
  ActiveProgress: { query: ACTIVE_PROGRESS, variables: {} },
} as const;
type QueryName = keyof typeof QUERIES;


const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Objects in a response's data (each JSON object the gateway shaped). */
function countObjects(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countObjects(item), 0);
  if (value && typeof value === 'object') return 1 + Object.values(value).reduce((sum: number, item) => sum + countObjects(item), 0);
  return 0;
}

async function post(url: string, body: string): Promise<{ ms: number; text: string }> {
  const begun = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  const ms = performance.now() - begun;
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  return { ms, text };
}

const bodyOf = (name: QueryName) => JSON.stringify(QUERIES[name]);

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', file), 'utf8')) as T;
}

/** The member lists of the replayed runs: the demo members, the AU's 55, then every state with a NAP and the other frameworks' members up to `size`. */
function membersOf(size: number): string[] {
  const memberships = readJson<Record<string, { members?: string[] }>>('memberships.json');
  const naps = readJson<{ countries: { iso2: string }[] }>('naps.json');
  const ordered = new Set<string>([...DEMO_MEMBERS, ...(memberships.AU?.members ?? []), ...naps.countries.map((country) => country.iso2), ...(memberships.EU?.members ?? []), ...(memberships.OSCE?.members ?? [])]);
  const all = [...ordered];
  if (all.length < size) throw new Error(`only ${all.length} states to replay, ${size} asked`);
  return all.slice(0, size);
}

/** A registry (a regional subgraph on a database of its own) listing `members` at the replay server, and a gateway over it. */
async function startReplayHub(hub: BenchNetwork, replay: ReplayServer, members: readonly string[], label: string, logDir: string, inspect = false) {
  const dbName = `wps_bench_replay_${label}`;
  await dropDatabases(hub.adminUrl, [dbName]);
  await ensureDatabases(hub.adminUrl, [dbName]);
  const base = {
    ...process.env,
    LOG_LEVEL: 'warn',
    AUTH_JWKS_FILE: hub.keys.jwksFile,
    AUTH_MAX_SERVICE_TOKEN_LIFETIME_S: '900',
    METRICS_PORT: '0',
    MEMBER_ENDPOINTS_ALLOW: 'loopback',
    PORT: '0',
  };
  for (const name of ['DATABASE_URL', 'SUBGRAPH_URLS', 'REGISTRY_URL', 'SUPERGRAPH_PATH', 'AUTH_JWKS_URL', 'NODE_OPTIONS']) delete (base as Record<string, string | undefined>)[name];
  const regional = await spawnService({
    name: `regional-replay-${label}`,
    script: SERVICE_SCRIPTS.regional,
    logDir,
    env: { ...base, DATABASE_URL: databaseUrl(hub.adminUrl, dbName), REGISTRY_SEED: members.map((code) => `${code}=${replay.endpointOf(code)}`).join(','), REGISTRY_SEED_EXCLUSIVE: 'true' },
    readyTimeoutMs: 120_000,
  });
  const started = performance.now();
  let gateway: ServiceProcess;
  try {
    gateway = await spawnService({
      name: `gateway-replay-${label}`,
      script: SERVICE_SCRIPTS.gateway,
      logDir,
      env: {
        ...base,
        ...loadGeneratorLimits(10).env,
        SUBGRAPH_URLS: `regional=${regional.url},knowledge=${hub.network.knowledge.url}`,
        AUTH_TOKEN_URL: hub.network.issuer.url,
        AUTH_CLIENT_SECRET_FILE: hub.keys.gatewayClientSecretFile,
        // The whole registry in one query: the fan-out cost limit is sized for 55 members.
        MAX_FANOUT_COST: '100000000',
        // No contract re-check during a measurement (each is CPU in the gateway).
        CONTRACT_CHECK_INTERVAL_MS: '3600000',
        REGISTRY_REFRESH_MS: '60000',
        MEMBER_TIMEOUT_MS: '20000',
        REGISTRY_STARTUP_TIMEOUT_MS: '120000',
        ...(inspect ? { NODE_OPTIONS: INSPECTOR_NODE_OPTIONS } : {}),
      },
      readyTimeoutMs: 180_000,
    });
  } catch (error) {
    await regional.stop();
    throw error;
  }
  const startupMs = performance.now() - started;
  return {
    regional,
    gateway,
    startupMs,
    logFile: path.join(logDir, `gateway-replay-${label}.log`),
    async stop() {
      await gateway.stop();
      await regional.stop();
      await dropDatabases(hub.adminUrl, [dbName]);
    },
  };
}

/** Wait until a query through `url` is answered with data for `expected` members and no error (contract checks done). */
async function waitAllAnswering(url: string, expected: number): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const { text } = await post(url, bodyOf('ActiveProgress'));
    const body = JSON.parse(text) as { data?: { countries: { currentActionPlan: unknown }[] }; errors?: unknown[] };
    const answering = body.data?.countries.filter((country) => country.currentActionPlan !== null).length ?? 0;
    if (!body.errors && answering >= expected) return;
    if (Date.now() > deadline) throw new Error(`only ${answering} of ${expected} members answered: ${text.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** The direct fan-out: every member's captured sub-requests sent to the members themselves, all members in parallel (each member's in order). */
async function directFanOut(captured: readonly CapturedRequest[], urls: ReadonlyMap<string, string>): Promise<{ all: number; slowest: { country: string; ms: number } }> {
  const byMember = new Map<string, string[]>();
  for (const { countryCode, body } of captured) byMember.set(countryCode, [...(byMember.get(countryCode) ?? []), body]);
  const begun = performance.now();
  const each = await Promise.all(
    [...byMember].map(async ([country, bodies]) => {
      const start = performance.now();
      for (const body of bodies) await post(urls.get(country)!, body);
      return { country, ms: performance.now() - start };
    }),
  );
  const all = performance.now() - begun;
  return { all, slowest: each.sort((a, b) => b.ms - a.ms)[0]! };
}

async function main(): Promise<void> {
  const config = env.read(process.env);
  const sizes = (config.BENCH_SIZES ?? ['12', '55', '110']).map(Number);
  const runs = config.BENCH_QUERIES;
  const parts = new Set((config.BENCH_PARTS ?? ['a', 'b', 'c', 'd']).map((part) => part.trim().toLowerCase()));
  const unknown = [...parts].filter((part) => !['a', 'b', 'c', 'd'].includes(part));
  if (unknown.length > 0) throw new Error(`BENCH_PARTS: unknown part(s) ${unknown.join(', ')} (a, b, c, d)`);
  const replayParts = parts.has('b') || parts.has('d');
  const load = loadavg();
  say(`Gateway benchmark: load average ${load.map((value) => value.toFixed(1)).join(' ')} on this machine (figures are from a ${load[0]! > 2 ? 'shared, noisy' : 'quiet'} machine).`);
  // (c) alone needs no member: its query asks regional and knowledge only.
  const members = parts.has('a') || replayParts ? (config.BENCH_MEMBERS ? selectMembers(config.BENCH_MEMBERS) : [...DEMO_MEMBERS]) : [];
  const hub = await startBenchNetwork({
    label: 'gateway',
    members,
    gatewayEnv: {
      ...loadGeneratorLimits(Math.max(10, config.BENCH_CONNECTIONS)).env,
      // (c) profiles this gateway after its rounds.
      ...(config.BENCH_PROFILE && parts.has('c') ? { NODE_OPTIONS: INSPECTOR_NODE_OPTIONS } : {}),
    },
    syntheticProfiles: true,
    membersPerProcess: config.BENCH_MEMBERS_PER_PROCESS,
  });
  if (members.length > 0) say(`${members.length} real members${config.BENCH_MEMBERS_PER_PROCESS > 1 ? `, up to ${config.BENCH_MEMBERS_PER_PROCESS} per process` : ''}.`);
  const replay = await ReplayServer.start();
  const logDir = path.join(hub.logDir, 'replay');
  const report: Record<string, unknown> = { at: new Date().toISOString(), loadAverage: load, parts: [...parts].sort(), replayDelayMs: config.BENCH_REPLAY_DELAY_MS, queriesPerMeasurement: runs };
  try {
    if (parts.has('c')) {
      say();
      say('(c) plain federated throughput (regional + knowledge, no fan-out): our gateway vs Hive Gateway, same subgraphs, alternating:');
      try {
        const peer = await comparePeer(hub, {
          rounds: config.BENCH_PEER_ROUNDS,
          seconds: config.BENCH_PEER_S,
          warmSeconds: config.BENCH_PEER_WARM_S,
          connections: config.BENCH_CONNECTIONS,
          logDir: path.join(hub.logDir, 'peer'),
          say,
          ...(config.BENCH_PROFILE ? { profileOf: { logFile: path.join(hub.logDir, 'gateway.log'), saveTo: path.join(REPO_ROOT, '.data', 'bench') } } : {}),
        });
        report.peer = peer;
        say(
          `  ours ${peer.ours.requestsPerSecond.toFixed(1)} req/s (p50 ${peer.ours.p50Ms} ms, p99 ${peer.ours.p99Ms} ms) vs Hive ${peer.hive.requestsPerSecond.toFixed(1)} req/s (p50 ${peer.hive.p50Ms} ms, p99 ${peer.hive.p99Ms} ms): ` +
            `${peer.ratio.toFixed(2)}× (target ≥1.0×; medians of ${config.BENCH_PEER_ROUNDS} rounds)`,
        );
        if (peer.profile) {
          const { profile } = peer;
          say(`  our gateway's profile over one more round (${profile.requests} requests, ${((profile.totalMs * 1000) / profile.requests).toFixed(0)} µs of CPU sampled a request; ${profile.file}): ${profile.byOrigin.slice(0, 10).map((entry) => `${entry.origin} ${(entry.share * 100).toFixed(0)}%`).join(', ')}`);
          for (const entry of profile.topFunctions.slice(0, 10)) say(`    ${((entry.ms * 1000) / profile.requests).toFixed(0).padStart(5)} µs/request  ${entry.name} (${entry.origin})`);
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        report.peer = { failed: reason };
        say(`  not measured: ${reason}`);
      }
    } else {
      report.peer = { skipped: 'not in BENCH_PARTS' };
    }
    if (parts.has('a') || replayParts) {
      const urls = new Map([...hub.network.members].map(([code, member]) => [code, member.url]));
      for (const [code, url] of urls) replay.setTarget(code, url);

      // Record (for a, b and d): a gateway over the replay server in record mode, in front of the real members.
      say('Recording the members\' answers through a gateway over a recording proxy…');
      const recorder = await startReplayHub(hub, replay, members, 'record', logDir);
      const captured = new Map<QueryName, CapturedRequest[]>();
      try {
        await waitAllAnswering(recorder.gateway.url, members.length);
        for (const name of Object.keys(QUERIES) as QueryName[]) captured.set(name, await replay.captureDuring(() => post(recorder.gateway.url, bodyOf(name))));
      } finally {
        await recorder.stop();
      }

      // (a) The hub against the members themselves, on the real network, alternating.
      const hubVsDirect: Record<string, unknown> = {};
      if (parts.has('a')) {
        say();
        say('(a) hub vs the members\' exact sub-requests sent directly, in parallel (real members, alternating):');
      }
      for (const name of parts.has('a') ? (['FrameworkProgress', 'PillarIndicatorsProgress'] as const) : []) {
        const hubMs: number[] = [];
        const directMs: number[] = [];
        const slowestMs: number[] = [];
        let slowestCountry = '';
        for (let run = -3; run < runs; run += 1) {
          const viaHub = await post(hub.network.gatewayUrl, bodyOf(name));
          const direct = await directFanOut(captured.get(name)!, urls);
          if (run < 0) continue;
          hubMs.push(viaHub.ms);
          directMs.push(direct.all);
          slowestMs.push(direct.slowest.ms);
          slowestCountry = direct.slowest.country;
        }
        // The member that was slowest in the fan-out, asked its sub-requests again with no other member busy.
        const alone = captured.get(name)!.filter((request) => request.countryCode === slowestCountry);
        const aloneMs: number[] = [];
        for (let run = -3; run < runs; run += 1) {
          const start = performance.now();
          for (const request of alone) await post(urls.get(slowestCountry)!, request.body);
          if (run >= 0) aloneMs.push(performance.now() - start);
        }
        const asked = new Set(captured.get(name)!.map((request) => request.countryCode)).size;
        const result = {
          hubP50Ms: median(hubMs),
          directP50Ms: median(directMs),
          slowestMemberInFanOutP50Ms: median(slowestMs),
          slowestMemberAloneP50Ms: median(aloneMs),
          slowestMember: slowestCountry,
          slowestMemberSubRequests: alone.length,
          ratio: median(hubMs) / median(directMs),
          target: hubVsDirectTarget(asked),
          members: asked,
        };
        hubVsDirect[name] = result;
        say(
          `  ${name.padEnd(25)} hub ${result.hubP50Ms.toFixed(1)} ms vs direct ${result.directP50Ms.toFixed(1)} ms: ${result.ratio.toFixed(2)}× (target ≤${result.target}×); ` +
            `slowest member ${slowestCountry}: ${result.slowestMemberInFanOutP50Ms.toFixed(1)} ms in the fan-out, ${result.slowestMemberAloneP50Ms.toFixed(1)} ms alone (${alone.length} sub-request${alone.length === 1 ? '' : 's'}); ${result.members} members asked`,
        );
      }
      if (parts.has('a')) report.hubVsDirect = hubVsDirect;

      // (b) and (d): the gateway alone, over replayed members, at each size.
      replay.mode = 'replay';
      replay.delayMs = config.BENCH_REPLAY_DELAY_MS;
      const replayed: Record<string, unknown>[] = [];
      if (replayParts) {
        say();
        say(`(b) the gateway alone over replayed members (${config.BENCH_REPLAY_DELAY_MS} ms each), (d) its RSS and startup:`);
      }
      for (const size of replayParts ? sizes : []) {
        const chosen = membersOf(size);
        chosen.forEach((code, index) => {
          if (!urls.has(code)) replay.setTemplate(code, members[index % members.length]!);
        });
        const replayHub = await startReplayHub(hub, replay, chosen, `r${size}`, logDir, config.BENCH_PROFILE);
        try {
          await waitAllAnswering(replayHub.gateway.url, size);
          for (let warm = 0; warm < 3; warm += 1) await post(replayHub.gateway.url, bodyOf('ActiveProgress'));
          const pid = replayHub.gateway.pid;
          const fetchesBefore = replay.fetches;
          const missesBefore = replay.misses;
          const cpuBefore = cpuMs(pid);
          const latencies: number[] = [];
          let objects = 0;
          for (let run = 0; run < runs; run += 1) {
            const { ms, text } = await post(replayHub.gateway.url, bodyOf('ActiveProgress'));
            latencies.push(ms);
            objects = countObjects((JSON.parse(text) as { data: unknown }).data);
          }
          const cpuPerQuery = (cpuMs(pid) - cpuBefore) / runs;
          const fetchesPerQuery = (replay.fetches - fetchesBefore) / runs;
          const rss = await residentSetSize(pid);
          const result = {
            members: size,
            synthetic: chosen.filter((code) => !urls.has(code)).length,
            cpuMsPerQuery: cpuPerQuery,
            objects,
            cpuUsPerObject: (cpuPerQuery * 1000) / objects,
            memberFetchesPerQuery: fetchesPerQuery,
            cpuMsPerMemberFetch: cpuPerQuery / fetchesPerQuery,
            latencyP50Ms: median(latencies),
            latencyVsDelay: median(latencies) / Math.max(1, config.BENCH_REPLAY_DELAY_MS),
            rssMiB: rss / 1024 / 1024,
            startupMs: replayHub.startupMs,
            replayMisses: replay.misses - missesBefore,
          };
          let profile: ReturnType<typeof summariseProfile> | undefined;
          if (config.BENCH_PROFILE) {
            const probe = await CpuProbe.attach(replayHub.logFile);
            try {
              await probe.start();
              for (let run = 0; run < runs; run += 1) await post(replayHub.gateway.url, bodyOf('ActiveProgress'));
              const raw = await probe.stop();
              saveProfile(raw, path.join(REPO_ROOT, '.data', 'bench'), `gateway-${size}-members`);
              profile = summariseProfile(raw);
            } finally {
              probe.close();
            }
          }
          replayed.push({ ...result, profile });
          const latencyTarget = size <= 12 ? '≤1.2×' : size <= 55 ? '≤1.4×' : 'no target';
          say(
            `  ${String(size).padStart(3)} members (${result.synthetic} re-keyed): CPU ${cpuPerQuery.toFixed(1)} ms/query; ${result.cpuUsPerObject.toFixed(1)} µs per object (${objects}; target ≤6 µs: ${(result.cpuUsPerObject / 6).toFixed(2)}×); ` +
              `${result.cpuMsPerMemberFetch.toFixed(2)} ms per member fetch (${fetchesPerQuery.toFixed(0)}; target ≤0.3 ms: ${(result.cpuMsPerMemberFetch / 0.3).toFixed(2)}×); ` +
              `latency ${result.latencyP50Ms.toFixed(0)} ms = ${result.latencyVsDelay.toFixed(2)}× the delay (target ${latencyTarget}); RSS ${result.rssMiB.toFixed(0)} MiB (target <300 at 110: ${(result.rssMiB / 300).toFixed(2)}×); startup ${(result.startupMs / 1000).toFixed(1)} s`,
          );
          if (profile) {
            say(`      profile over ${runs} queries (self time, ${(profile.totalMs / runs).toFixed(1)} ms a query): ${profile.byOrigin.slice(0, 8).map((entry) => `${entry.origin} ${(entry.share * 100).toFixed(0)}%`).join(', ')}`);
            for (const entry of profile.topFunctions.slice(0, 8)) say(`        ${(entry.ms / runs).toFixed(2).padStart(6)} ms/query  ${entry.name} (${entry.origin})`);
          }
        } finally {
          await replayHub.stop();
        }
      }
      if (replayParts) report.replayed = replayed;
    }
  } finally {
    await replay.stop();
    await hub.stop();
  }
  const reportFile = config.BENCH_REPORT ?? path.join(REPO_ROOT, '.data', 'bench', 'gateway-report.json');
  mkdirSync(path.dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  say();
  say(`Report: ${path.relative(process.cwd(), reportFile)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
