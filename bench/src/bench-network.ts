import path from 'node:path';
import {
  checkServerConnections,
  connectionBudget,
  dropDatabases,
  ensureNetworkKeys,
  loadLauncherConfig,
  logDirOf,
  networkDatabaseNames,
  startEmbeddedPostgres,
  startNetwork,
  type NetworkKeys,
  type RunningNetwork,
  type ServiceProcess,
} from '@wps/launcher';

export interface BenchNetwork {
  network: RunningNetwork;
  keys: NetworkKeys;
  /** A Postgres URL with the right to create databases: to check what each member holds. */
  adminUrl: string;
  /** The database of a member, by country code. */
  memberDatabase(code: string): string;
  logDir: string;
  /** Stop every service, drop the run's databases, stop the embedded Postgres if one was started. */
  stop(): Promise<void>;
}

export interface BenchNetworkOptions {
  /** Names the run's databases (`wps_bench_<label>_*`) and log folder. */
  label: string;
  members: readonly string[];
  /** Extra environment for every service. */
  env?: Record<string, string>;
  /** Extra environment for the gateway alone. */
  gatewayEnv?: Record<string, string>;
  /** Members without a NAP history in data/ get a synthetic load profile (the launcher's HUB_SYNTHETIC_PROFILES). */
  syntheticProfiles?: boolean;
  /** Members per process (the launcher's HUB_MEMBERS_PER_PROCESS; default 1). */
  membersPerProcess?: number;
  /** Extra environment for one member, by country code. */
  memberEnv?: Record<string, Record<string, string>>;
}

/**
 * Client limits for a load generator that sends everything from one
 * address: as many requests in flight as it has connections, and more
 * requests per window than a run makes. The hub's defaults (RATE_LIMIT_*)
 * are sized for people and dashboards and would refuse it with 429s.
 */
export function loadGeneratorLimits(connections: number): { env: Record<string, string>; description: string } {
  const requests = 1_000_000;
  const concurrent = Math.max(connections, 1);
  return {
    env: {
      RATE_LIMIT_ANONYMOUS_REQUESTS: String(requests),
      RATE_LIMIT_ANONYMOUS_CONCURRENCY: String(concurrent),
      RATE_LIMIT_SIGNED_IN_REQUESTS: String(requests),
      RATE_LIMIT_SIGNED_IN_CONCURRENCY: String(concurrent),
    },
    description:
      `Client limits set for this run: ${requests} requests per minute and ${concurrent} in flight per client ` +
      "(the hub's defaults, RATE_LIMIT_* in .env.example, are for people and dashboards and would refuse one load generator on one address).",
  };
}

/**
 * A fresh network for a load test or benchmark: the built services as real
 * processes on loopback, on the Postgres server of DATABASE_URL/PG* when set
 * (like `npm start`) or else on an embedded cluster of its own under
 * `.data/bench` (so it never touches `npm start`'s data). Databases are
 * created empty, seeded with the demo network, and dropped afterwards.
 */
export async function startBenchNetwork(options: BenchNetworkOptions): Promise<BenchNetwork> {
  const config = loadLauncherConfig(process.env);
  const benchDir = path.join(config.dataDir, 'bench');
  const logDir = path.join(logDirOf(benchDir), options.label);
  // Pools and max_connections sized to the network, as `npm start` sizes them.
  const budget = connectionBudget(options.members.length);
  let postgres: ServiceProcess | undefined;
  let adminUrl = config.serverUrl;
  if (!adminUrl) {
    postgres = await startEmbeddedPostgres(benchDir, logDir, budget.maxConnections);
    adminUrl = postgres.url;
  }
  const prefix = `wps_bench_${options.label}`;
  const names = networkDatabaseNames(prefix, options.members);
  const cleanUp = async () => {
    await dropDatabases(adminUrl, names.all);
    await postgres?.stop();
  };
  try {
    // Leftovers of an interrupted run would skew the figures: start empty.
    await dropDatabases(adminUrl, names.all);
    const keys = await ensureNetworkKeys(path.join(benchDir, 'keys'));
    if (config.serverUrl) await checkServerConnections(adminUrl, budget, options.members.length);
    const network = await startNetwork({
      adminDatabaseUrl: adminUrl,
      keys,
      members: [...options.members],
      dbPrefix: prefix,
      logDir,
      logLevel: 'warn',
      env: options.env,
      gatewayEnv: options.gatewayEnv,
      syntheticProfiles: options.syntheticProfiles,
      membersPerProcess: options.membersPerProcess,
      memberEnv: Object.fromEntries(options.members.map((code) => [code, { DB_POOL_MAX: String(budget.memberPool), ...options.memberEnv?.[code] }])),
    });
    return {
      network,
      keys,
      adminUrl,
      logDir,
      memberDatabase: (code) => names.member(code),
      async stop() {
        await network.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
