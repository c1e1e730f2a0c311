import path from 'node:path';
import {
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
  let postgres: ServiceProcess | undefined;
  let adminUrl = config.serverUrl;
  if (!adminUrl) {
    postgres = await startEmbeddedPostgres(benchDir, logDir);
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
    const network = await startNetwork({ adminDatabaseUrl: adminUrl, keys, members: options.members, dbPrefix: prefix, logDir, logLevel: 'warn', env: options.env, gatewayEnv: options.gatewayEnv });
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
