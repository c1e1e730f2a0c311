import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Role, signDevToken } from '@wps/kit';
import { databaseUrl, dropDatabases, networkDatabaseNames, REPO_ROOT, startNetwork, type RunningNetwork } from '@wps/launcher';
import {
  createNetnsLab,
  netnsUnavailable,
  postGraphQL,
  startTcpForwarder,
  testAdminUrl,
  testKeys,
  testPrefix,
  waitFor,
  type Fault,
  type NetnsLab,
  type TcpForwarder,
} from '@wps/tests';
import pg from 'pg';

/**
 * Members on hosts of their own, with real network faults (issue 12, item 3).
 *
 * The network: each member (KE, NG, GH, RW) runs in a network namespace of
 * its own and the gateway in another (`ip netns exec`, spawnService's
 * commandPrefix), each with a veth to a bridge in the root namespace
 * (tests/src/netns.ts: names `wpsf<random>`, a free 10.213.<n>.0/24).
 * Issuer, regional and knowledge stay in the root namespace, listening on
 * the bridge address 10.213.<n>.1; the test client reaches the gateway at
 * its namespace's address. The members reach their databases through a TCP
 * forwarder in this process on 10.213.<n>.1 (the test Postgres listens on
 * 127.0.0.1 only).
 *
 * While reads (the AU view, which asks every member) and writes (each
 * member's focal point records measurements, with idempotency keys) run
 * without pause, the faults come one after the other, on the link between
 * the gateway and one member: 300 ms of delay toward KE, 20% loss both ways
 * with NG, GH's link down (a partition), then up again (the heal). RW is
 * never touched. The faults are made with tc (see netns.ts for why not
 * netem: this kernel has none).
 *
 * Checked: every request is answered (HTTP 200) within the member timeout
 * plus 1 s; the members without a fault always answer; the delayed and the
 * lossy member still answer, or fail with MEMBER_UNAVAILABLE; the
 * partitioned member is MEMBER_UNAVAILABLE throughout the partition and
 * answers again after the heal, in the same process; every write that was
 * acknowledged is in its member's database.
 *
 * Without namespaces (not root, or `ip netns add` refused) the test is
 * skipped with a message saying so; under CI=true as root that is a failure.
 */

/** 3 s, not 1.5: on the shared 2-core CI machine (load 20) a member without a fault sometimes needs more than 1.5 s. */
const MEMBER_TIMEOUT_MS = 3000;
/** The bound every answer must keep: the member timeout plus 1 s. */
const BOUND_MS = MEMBER_TIMEOUT_MS + 1000;
const CIRCUIT_RESET_MS = 1500;
const DELAY_MS = 300;
const LOSS_PERCENT = 20;
const DELAYED = 'KE';
const LOSSY = 'NG';
const PARTITIONED = 'GH';
const STEADY = 'RW';
const MEMBERS = [DELAYED, LOSSY, PARTITIONED, STEADY];
/** How long each fault lasts while traffic runs, and the pause after it (longer than a circuit's reset) before the next. */
const FAULT_MS = 8000;
const SETTLE_MS = CIRCUIT_RESET_MS + 1500;
const READ = '{ countries(framework: AU_CRF) { code currentActionPlan { title } } }';
const PLAN = 'query ($code: String!) { country(code: $code) { currentActionPlan { period { start end } indicators { id } } } }';
const RECORD = 'mutation ($countryCode: String!, $input: RecordMeasurementInput!, $key: String) { recordMeasurement(countryCode: $countryCode, input: $input, idempotencyKey: $key) { id value } }';

interface MemberError {
  code: string;
  country?: string;
  reason?: string;
}
interface Sample {
  kind: 'read' | 'write';
  /** The member a write went to. */
  country?: string;
  startedAt: number;
  endedAt: number;
  status: number;
  /** Reads: which members' plans came back. Writes: whether it was acknowledged. */
  answered: Record<string, boolean>;
  errors: MemberError[];
  /** An acknowledged write: the measurement and its value. */
  written?: { id: string; value: number };
}
interface Phase {
  name: string;
  faulted?: string;
  from: number;
  to: number;
}

const unavailable = netnsUnavailable();
const mustRun = process.env.CI === 'true' && process.getuid?.() === 0;
if (unavailable) process.stderr.write(`\nSKIPPED: network namespaces cannot be made here: ${unavailable}\n`);

(unavailable && !mustRun ? describe.skip : describe)('members on their own hosts, with real network faults', () => {
  let lab: NetnsLab | undefined;
  let forwarder: TcpForwarder | undefined;
  let network: RunningNetwork | undefined;
  let databases: string[] = [];
  let logDir = '';
  let names: ReturnType<typeof networkDatabaseNames>;
  const tokens = new Map<string, string>();
  const targets = new Map<string, { indicatorId: string; period: string }>();

  beforeAll(async () => {
    if (unavailable) throw new Error(`network namespaces cannot be made here (${unavailable}): under CI=true as root that is a failure, not a skip`);
    lab = await createNetnsLab();
    const gateway = await lab.addHost('gw');
    for (const code of MEMBERS) await lab.addHost(code.toLowerCase());
    const admin = new URL(testAdminUrl());
    forwarder = await startTcpForwarder(lab.hostAddress, { host: admin.hostname, port: Number(admin.port || 5432) });
    const forwarded = new URL(admin);
    forwarded.hostname = forwarder.host;
    forwarded.port = String(forwarder.port);
    const prefix = testPrefix('netns');
    logDir = path.join(REPO_ROOT, '.data', 'test-logs', prefix);
    names = networkDatabaseNames(prefix, MEMBERS);
    const keys = await testKeys();
    const host = (code: string) => lab!.hosts.get(code.toLowerCase())!;
    network = await startNetwork({
      adminDatabaseUrl: testAdminUrl(),
      keys,
      members: MEMBERS,
      dbPrefix: prefix,
      logDir,
      logLevel: 'warn',
      env: {
        // Issuer, regional and knowledge listen on the bridge; members and gateway on their own addresses (below).
        HOST: lab.hostAddress,
        MEMBER_ENDPOINTS_ALLOW: 'loopback,private',
        MEMBER_TIMEOUT_MS: String(MEMBER_TIMEOUT_MS),
        MEMBER_CIRCUIT_RESET_MS: String(CIRCUIT_RESET_MS),
        REGISTRY_REFRESH_MS: '500',
        RATE_LIMIT_ANONYMOUS_REQUESTS: '100000',
        RATE_LIMIT_SIGNED_IN_REQUESTS: '100000',
      },
      memberEnv: Object.fromEntries(MEMBERS.map((code) => [code, { HOST: host(code).address, DATABASE_URL: databaseUrl(forwarded.toString(), names.member(code)) }])),
      memberCommandPrefix: Object.fromEntries(MEMBERS.map((code) => [code, host(code).commandPrefix])),
      gatewayEnv: { HOST: gateway.address },
      gatewayCommandPrefix: gateway.commandPrefix,
    });
    databases = network.databases;
    expect(new URL(network.gatewayUrl).hostname).toBe(gateway.address);
    for (const code of MEMBERS) {
      expect(new URL(network.members.get(code)!.url).hostname).toBe(host(code).address);
      tokens.set(code, await signDevToken(keys.privateKeyFile, { subject: `focal-point:${code}`, roles: [Role.FOCAL_POINT], country: code }));
      // What each focal point writes to: an indicator of its current plan, in the plan's first year.
      const { body } = await postGraphQL(network.gatewayUrl, PLAN, { code });
      const plan = body.data!.country.currentActionPlan as { period: { start: number }; indicators: { id: string }[] };
      expect(plan.indicators.length).toBeGreaterThan(0);
      targets.set(code, { indicatorId: plan.indicators[0]!.id, period: String(plan.period.start) });
    }
  }, 240_000);

  afterAll(async () => {
    await network?.stop();
    await forwarder?.close();
    await lab?.destroy();
    if (databases.length > 0) await dropDatabases(testAdminUrl(), databases);
  }, 60_000);

  it('answers within the member timeout plus 1 s through delay, loss and a partition; the partitioned member comes back after the heal; no acknowledged write is lost', async () => {
    const gatewayUrl = network!.gatewayUrl;
    const gatewayAddress = new URL(gatewayUrl).hostname;
    const samples: Sample[] = [];
    const phases: Phase[] = [];
    let running = true;
    let writeNumber = 0;

    const read = async () => {
      const startedAt = Date.now();
      const { status, body } = await postGraphQL(gatewayUrl, READ);
      const countries = (body.data?.countries ?? []) as { code: string; currentActionPlan: unknown }[];
      samples.push({
        kind: 'read',
        startedAt,
        endedAt: Date.now(),
        status,
        answered: Object.fromEntries(MEMBERS.map((code) => [code, countries.find((country) => country.code === code)?.currentActionPlan != null])),
        errors: ((body.errors ?? []) as { extensions: MemberError }[]).map((error) => error.extensions),
      });
    };
    const write = async (code: string) => {
      const number = (writeNumber += 1);
      // Inside any indicator's range (a share is 0 to 100).
      const value = (number % 50) + 1;
      const startedAt = Date.now();
      const { status, body } = await postGraphQL(gatewayUrl, RECORD, { countryCode: code, input: { ...targets.get(code)!, value }, key: `netns-${code}-${number}` }, { authorization: `Bearer ${tokens.get(code)}` });
      const written = body.data?.recordMeasurement as { id: string; value: number } | null | undefined;
      samples.push({
        kind: 'write',
        country: code,
        startedAt,
        endedAt: Date.now(),
        status,
        answered: { [code]: Boolean(written) && !body.errors?.length },
        errors: ((body.errors ?? []) as { extensions: MemberError }[]).map((error) => error.extensions),
        ...(written && !body.errors?.length ? { written } : {}),
      });
    };
    const loop = async (step: () => Promise<void>) => {
      while (running) {
        await step();
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    // The test process is on the same loaded machine: its own stalls (the time its event loop could not run) are not the hub's, and widen the bound.
    const lag = monitorEventLoopDelay({ resolution: 20 });
    lag.enable();
    const traffic = Promise.all([loop(read), ...MEMBERS.map((code) => loop(() => write(code)))]);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const during = async (name: string, faulted: string | undefined, fault: () => Promise<Fault | undefined>) => {
      const applied = await fault();
      const from = Date.now();
      await pause(FAULT_MS);
      phases.push({ name, faulted, from, to: Date.now() });
      return applied;
    };

    let healedAt = 0;
    let backAfterHeal: { read?: number; write?: number } | undefined;
    const partitionedPid = network!.members.get(PARTITIONED)!.pid;
    try {
      const host = (code: string) => lab!.hosts.get(code.toLowerCase())!;
      await during('baseline', undefined, async () => undefined);
      const delay = await during('delay', DELAYED, () => lab!.delay(host(DELAYED), gatewayAddress, DELAY_MS));
      await delay!.clear();
      await pause(SETTLE_MS);
      const loss = await during('loss', LOSSY, () => lab!.loss(host(LOSSY), gatewayAddress, LOSS_PERCENT));
      await loss!.clear();
      await pause(SETTLE_MS);
      const partition = await during('partition', PARTITIONED, () => lab!.partition(host(PARTITIONED)));
      await partition!.clear();
      healedAt = Date.now();
      // Back without a restart: a read shows its plan and a write to it is acknowledged again.
      const back = (kind: Sample['kind']) => samples.find((sample) => sample.kind === kind && sample.startedAt >= healedAt && sample.answered[PARTITIONED]);
      await waitFor(() => Boolean(back('read') && back('write')), 60_000);
      backAfterHeal = { read: back('read') && back('read')!.endedAt - healedAt, write: back('write') && back('write')!.endedAt - healedAt };
      const from = Date.now();
      await pause(5000);
      phases.push({ name: 'after heal', from, to: Date.now() });
    } finally {
      running = false;
      await traffic;
      lag.disable();
    }
    const stallMs = Math.round(lag.max / 1e6);
    const boundMs = BOUND_MS + stallMs;

    // Figures: per member, the write latency (one member per request) and how many writes it acknowledged, in each phase.
    const within = (phase: Phase) => samples.filter((sample) => sample.startedAt >= phase.from && sample.endedAt <= phase.to);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    const figures = phases.map((phase) => ({
      phase: phase.name,
      reads: within(phase).filter((sample) => sample.kind === 'read').length,
      readMedianMs: median(within(phase).filter((sample) => sample.kind === 'read').map((sample) => sample.endedAt - sample.startedAt)),
      members: Object.fromEntries(
        MEMBERS.map((code) => {
          const writes = within(phase).filter((sample) => sample.country === code);
          const latencies = writes.map((sample) => sample.endedAt - sample.startedAt);
          return [code, { writes: writes.length, acknowledged: writes.filter((sample) => sample.written).length, medianMs: median(latencies), maxMs: Math.max(...latencies) }];
        }),
      ),
    }));
    writeFileSync(path.join(logDir, 'samples.json'), JSON.stringify({ phases, healedAt, samples }, null, 1));
    process.stdout.write(`\nnetwork faults, per phase: ${JSON.stringify(figures, null, 1)}\nback after the heal (ms): ${JSON.stringify(backAfterHeal)}; longest stall of the test process: ${stallMs} ms\n`);

    // Every request answered (HTTP 200), within the member timeout plus 1 s (plus the test process's own longest stall); a member that did not answer is named, once, as MEMBER_UNAVAILABLE.
    expect(samples.length).toBeGreaterThan(20);
    const label = (sample: Sample) => ({ kind: sample.kind, country: sample.country, status: sample.status, elapsedMs: sample.endedAt - sample.startedAt, at: sample.startedAt });
    expect(samples.filter((sample) => sample.status !== 200).map(label)).toEqual([]);
    expect(samples.filter((sample) => sample.endedAt - sample.startedAt > boundMs).map(label)).toEqual([]);
    expect(samples.filter((sample) => sample.errors.some((error) => error.code !== 'MEMBER_UNAVAILABLE')).map((sample) => sample.errors)).toEqual([]);
    expect(
      samples.filter((sample) =>
        MEMBERS.some((code) => sample.answered[code] === false && sample.errors.filter((error) => error.country === code).length !== 1),
      ).map((sample) => ({ ...label(sample), answered: sample.answered, errors: sample.errors })),
    ).toEqual([]);

    for (const phase of phases) {
      const seen = within(phase);
      const answeredBy = (code: string) => seen.filter((sample) => code in sample.answered);
      for (const code of MEMBERS) {
        const asked = answeredBy(code);
        expect([phase.name, code, asked.length > 0]).toEqual([phase.name, code, true]);
        const answers = asked.filter((sample) => sample.answered[code]).length;
        if (code !== phase.faulted) {
          // The members without a fault always answer.
          expect([phase.name, code, answers]).toEqual([phase.name, code, asked.length]);
        } else if (phase.name === 'partition') {
          // The partitioned member never does, and is MEMBER_UNAVAILABLE each time.
          expect([phase.name, code, answers]).toEqual([phase.name, code, 0]);
        } else {
          // The delayed and the lossy member still answer (some requests may time out).
          expect([phase.name, code, answers > 0]).toEqual([phase.name, code, true]);
        }
      }
    }
    // The delay was real: the delayed member's writes took longer, by most of the delay, than the other members' in the same phase (the same load).
    const delayed = figures.find((figure) => figure.phase === 'delay')!;
    const others = median(MEMBERS.filter((code) => code !== DELAYED).map((code) => delayed.members[code]!.medianMs));
    expect(delayed.members[DELAYED]!.medianMs).toBeGreaterThanOrEqual(others + DELAY_MS * 0.8);
    // The partitioned member came back in the same process.
    expect(backAfterHeal?.read).toBeDefined();
    expect(backAfterHeal?.write).toBeDefined();
    expect(network!.members.get(PARTITIONED)!.pid).toBe(partitionedPid);
    expect(network!.members.get(PARTITIONED)!.child.exitCode).toBeNull();

    // No acknowledged write is lost: each is in its member's own database, with its value.
    for (const code of MEMBERS) {
      const acknowledged = samples.filter((sample) => sample.country === code && sample.written).map((sample) => sample.written!);
      expect([code, acknowledged.length > 0]).toEqual([code, true]);
      const client = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), names.member(code)) });
      await client.connect();
      try {
        const { rows } = await client.query<{ id: string; value: number }>('SELECT id::text AS id, value::float8 AS value FROM measurement WHERE id::text = ANY($1)', [acknowledged.map((write) => write.id)]);
        const stored = new Map(rows.map((row) => [row.id, row.value]));
        expect([code, acknowledged.filter((write) => stored.get(write.id) !== write.value)]).toEqual([code, []]);
      } finally {
        await client.end();
      }
    }
  }, 300_000);
});
