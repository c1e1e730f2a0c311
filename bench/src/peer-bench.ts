import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import type autocannon from 'autocannon';
import { freePort, logOutputOf, REPO_ROOT } from '@wps/launcher';
import type { BenchNetwork } from './bench-network.js';
import { CpuProbe, saveProfile, summariseProfile, type ProfileSummary } from './cpu-profile.js';
import { emptyObservations, runTraffic, type TrafficObservations } from './traffic.js';

/**
 * A plain federated query, regional + knowledge only (no NAP field, so no
 * member fan-out): the AU CRF with its catalogue indicators and its members'
 * names (regional), each member's good practices (knowledge), and each
 * practice's countries' names (back to regional). Public data, anonymous.
 */
export const PEER_QUERY = `query PeerFramework {
  framework(code: AU_CRF) {
    code
    shortName
    name
    organisation
    indicators { code title pillar level illustrative }
    members {
      code
      name
      alpha3
      goodPractices { id title themes pillars year isDemo countries { code name } }
    }
  }
}`;

const PEER_BODY = JSON.stringify({ query: PEER_QUERY, variables: {} });

export interface PeerOptions {
  rounds: number;
  seconds: number;
  /** Seconds of load on each gateway before the rounds, unmeasured. */
  warmSeconds: number;
  connections: number;
  logDir: string;
  say: (line?: string) => void;
  /** Profile our gateway over one more round (its process started with the inspector, which its log names). */
  profileOf?: { logFile: string; saveTo: string };
}

export interface PeerRound {
  gateway: 'ours' | 'hive';
  round: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  graphqlErrors: number;
}

export interface PeerSide {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface PeerResult {
  query: string;
  hiveVersion: string;
  connections: number;
  secondsPerRound: number;
  warmSeconds: number;
  rounds: PeerRound[];
  ours: PeerSide;
  hive: PeerSide;
  /** ours / hive requests per second (medians of the rounds). */
  ratio: number;
  target: number;
  /** Bytes of the (identical) data both gateways answered. */
  responseBytes: number;
  supergraphFile: string;
  /** Our gateway's CPU over one more round of ours, after the measured ones. */
  profile?: ProfileSummary & { requests: number; file: string };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The Hive Gateway package's folder and version (a dev dependency of bench/). */
function hivePackage(): { dir: string; version: string; bin: string } {
  const require = createRequire(path.join(REPO_ROOT, 'bench', 'package.json'));
  let main: string;
  try {
    main = require.resolve('@graphql-hive/gateway');
  } catch {
    throw new Error('@graphql-hive/gateway is not installed (a dev dependency of bench/: run npm ci)');
  }
  let dir = path.dirname(main);
  while (!dir.endsWith(path.join('@graphql-hive', 'gateway'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of @graphql-hive/gateway from ${main}`);
    dir = parent;
  }
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
  return { dir, version: manifest.version, bin: path.join(dir, manifest.bin['hive-gateway']!) };
}

/**
 * A copy of the composed supergraph whose regional and knowledge URLs are
 * the running subgraphs' (the committed one has placeholders our gateway
 * replaces from SUBGRAPH_URLS); NAP's points at a closed port: the query
 * never asks it, and a request there would fail loudly.
 */
export function peerSupergraph(hub: BenchNetwork, file: string): string {
  const source = readFileSync(path.join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
  const urls: Record<string, string> = { regional: hub.network.regional.url, knowledge: hub.network.knowledge.url, nap: 'http://127.0.0.1:9/graphql' };
  let replaced = 0;
  const sdl = source.replace(/@join__graph\(name: "([a-z]+)", url: "[^"]*"\)/g, (_whole, name: string) => {
    const url = urls[name];
    if (!url) throw new Error(`the supergraph names a subgraph the benchmark does not know: ${name}`);
    replaced += 1;
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  if (replaced !== Object.keys(urls).length) throw new Error(`expected ${Object.keys(urls).length} join__graph URLs in the supergraph, found ${replaced}`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, sdl);
  return file;
}

interface HiveProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Hive Gateway's CLI as a process of its own (one worker, like our gateway's one process), ready when it answers /readiness. */
async function startHive(bin: string, supergraph: string, logDir: string): Promise<HiveProcess> {
  const port = await freePort();
  mkdirSync(logDir, { recursive: true });
  const logPath = path.join(logDir, 'hive-gateway.log');
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  for (const name of ['NODE_OPTIONS', 'PORT', 'SUBGRAPH_URLS', 'SUPERGRAPH_PATH']) delete env[name];
  const child = spawn(process.execPath, [bin, 'supergraph', supergraph, '--host', '127.0.0.1', '--port', String(port), '--fork', '1'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  void logOutputOf(child, logPath);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // Its own process group: the CLI's workers stop with it.
    process.kill(-child.pid!, 'SIGTERM');
    const killer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Hive Gateway exited before it was ready (code ${child.exitCode}); log: ${logPath}`);
    try {
      const response = await fetch(`${base}/readiness`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Hive Gateway was not ready within 120 s; log: ${logPath}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url: `${base}/graphql`, pid: child.pid!, stop };
}

async function answer(url: string): Promise<{ status: number; text: string; body: { data?: unknown; errors?: unknown[] } }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: PEER_BODY });
  const text = await response.text();
  let body: { data?: unknown; errors?: unknown[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${url} answered HTTP ${response.status} with no JSON: ${text.slice(0, 300)}`);
  }
  return { status: response.status, text, body };
}

/** Both gateways must answer the query with the same data and no error before anything is timed. */
async function checkSameAnswer(ours: string, hive: string): Promise<number> {
  const [a, b] = await Promise.all([answer(ours), answer(hive)]);
  for (const [name, got] of [['our gateway', a], ['Hive Gateway', b]] as const) {
    if (got.status !== 200 || got.body.errors || !got.body.data) throw new Error(`${name} did not answer the peer query cleanly (HTTP ${got.status}): ${got.text.slice(0, 500)}`);
  }
  if (!isDeepStrictEqual(a.body.data, b.body.data)) throw new Error('the two gateways answered the peer query with different data: not comparable');
  const members = (a.body.data as { framework?: { members?: { goodPractices?: unknown[] | null }[] } }).framework?.members ?? [];
  if (members.length === 0 || !members.some((member) => (member.goodPractices?.length ?? 0) > 0)) throw new Error('the peer query reached no knowledge data: it would not measure federation');
  return Buffer.byteLength(JSON.stringify(a.body.data));
}

async function round(gateway: PeerRound['gateway'], index: number, url: string, options: PeerOptions): Promise<PeerRound> {
  const observations: TrafficObservations = emptyObservations();
  const workload = { next: () => ({ operation: 'PeerFramework', body: PEER_BODY }) };
  const result: autocannon.Result = await runTraffic({ url, connections: options.connections, durationSeconds: options.seconds, workload, writeTokens: new Map(), observations, origin: performance.now() });
  const tally = observations.operations.get('PeerFramework');
  const graphqlErrors = Object.values(tally?.errorCodes ?? {}).reduce((sum, count) => sum + count, 0);
  const ok = result['2xx'] - graphqlErrors;
  return {
    gateway,
    round: index,
    requestsPerSecond: ok / (result.duration || options.seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
  };
}

/**
 * Issue 11 (c): our gateway (the bench network's) against Hive Gateway on the
 * same regional and knowledge subgraphs, the same query, the same load
 * generator and connections, alternating round by round (ours first, then
 * Hive's, `rounds` times), after a warm-up of each. Only answers with data and
 * no error count; the ratio is ours/hive of the medians of the rounds.
 */
export async function comparePeer(hub: BenchNetwork, options: PeerOptions): Promise<PeerResult> {
  const pkg = hivePackage();
  const supergraphFile = peerSupergraph(hub, path.join(REPO_ROOT, '.data', 'bench', 'peer-supergraph.graphql'));
  options.say(`  Hive Gateway ${pkg.version} on ${path.relative(process.cwd(), supergraphFile)} (regional ${hub.network.regional.url}, knowledge ${hub.network.knowledge.url})`);
  const hive = await startHive(pkg.bin, supergraphFile, options.logDir);
  try {
    const ours = hub.network.gatewayUrl;
    const responseBytes = await checkSameAnswer(ours, hive.url);
    options.say(
      `  same data from both (${responseBytes} bytes); warm-up ${options.warmSeconds} s each, then ${options.rounds} × ${options.seconds} s each, ${options.connections} connections, alternating (ours first, then Hive first, …)`,
    );
    const warm = { ...options, seconds: options.warmSeconds };
    await round('ours', -1, ours, warm);
    await round('hive', -1, hive.url, warm);
    const rounds: PeerRound[] = [];
    const urls = { ours, hive: hive.url };
    for (let index = 0; index < options.rounds; index += 1) {
      // Each round swaps who goes first: the subgraphs both gateways share go on warming, so a fixed order would favour the second.
      const order: PeerRound['gateway'][] = index % 2 === 0 ? ['ours', 'hive'] : ['hive', 'ours'];
      for (const gateway of order) {
        const url = urls[gateway];
        const result = await round(gateway, index, url, options);
        rounds.push(result);
        options.say(`    round ${index + 1} ${gateway.padEnd(4)} ${result.requestsPerSecond.toFixed(1).padStart(7)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms${result.non2xx + result.errors + result.timeouts + result.graphqlErrors > 0 ? `  (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.graphqlErrors} GraphQL errors)` : ''}`);
      }
    }
    const side = (gateway: PeerRound['gateway']): PeerSide => {
      const mine = rounds.filter((entry) => entry.gateway === gateway);
      return { requestsPerSecond: median(mine.map((entry) => entry.requestsPerSecond)), p50Ms: median(mine.map((entry) => entry.p50Ms)), p99Ms: median(mine.map((entry) => entry.p99Ms)) };
    };
    const oursSide = side('ours');
    const hiveSide = side('hive');
    const profile = options.profileOf ? await profileOurs(ours, options, options.profileOf) : undefined;
    return {
      query: PEER_QUERY,
      hiveVersion: pkg.version,
      connections: options.connections,
      secondsPerRound: options.seconds,
      warmSeconds: options.warmSeconds,
      rounds,
      ours: oursSide,
      hive: hiveSide,
      ratio: oursSide.requestsPerSecond / hiveSide.requestsPerSecond,
      target: 1,
      responseBytes,
      supergraphFile: path.relative(REPO_ROOT, supergraphFile),
      ...(profile ? { profile } : {}),
    };
  } finally {
    await hive.stop();
  }
}

/** V8's profile of our gateway over one more round of ours (not counted in the ratio): where its CPU goes on the plain federated query. */
async function profileOurs(url: string, options: PeerOptions, target: NonNullable<PeerOptions['profileOf']>): Promise<PeerResult['profile']> {
  const probe = await CpuProbe.attach(target.logFile);
  try {
    await probe.start();
    const result = await round('ours', options.rounds, url, options);
    const raw = await probe.stop();
    return { ...summariseProfile(raw, 25), requests: result.requests, file: path.relative(REPO_ROOT, saveProfile(raw, target.saveTo, 'gateway-peer')) };
  } finally {
    probe.close();
  }
}
