import path from 'node:path';
import { ConfigError, defineEnv, LOG_LEVELS, type LogFormat, type LogLevel } from '@wps/kit';
import { selectMembers } from './member-selection.js';
import { DEFAULT_DATA_DIR } from './paths.js';

/** Every variable `npm start` reads. */
export const launcherEnv = defineEnv({
  HUB_MEMBERS: { kind: 'list', describe: 'Member states to start: ISO codes and shorthands (@AU_CRF, @EU_GAP_III, @OSCE, @ALL_NAPS, @DEMO) separated by commas (default: the 12 demo members)' },
  HUB_DATA_DIR: { kind: 'string', describe: 'Folder for the embedded Postgres cluster and the logs (default: .data, git-ignored)' },
  HUB_DB_PREFIX: { kind: 'string', default: 'wps', describe: 'Prefix of the database names (<prefix>_nap_ke, <prefix>_regional, …)' },
  GATEWAY_PORT: { kind: 'int', default: '4000', min: 0, max: 65535, describe: 'Port of the hub gateway' },
  HUB_SYNTHETIC_PROFILES: {
    kind: 'bool',
    default: 'false',
    describe: 'Scale runs: members with no NAP history in data/ get a synthetic load profile (one generated plan, flagged demo) instead of an empty database',
  },
  HUB_MEMBER_POOL: { kind: 'int', min: 1, max: 100, describe: 'Database connections per member (default: 5 up to 25 members, 3 up to 60, 2 beyond; the embedded cluster is sized to fit)' },
  HUB_MEMBERS_PER_PROCESS: {
    kind: 'int',
    default: '1',
    min: 1,
    max: 64,
    describe: 'Simulations on one machine only: host this many members in one process (each keeps its own database, port, pool and schema; they share the Node runtime, metrics endpoint and fate). Default 1: one process per member, as member states run them',
  },
  HUB_LOG_LEVEL: { kind: 'string', default: 'info', oneOf: LOG_LEVELS, describe: 'Log level of the services (logs go to <data dir>/logs)' },
  HUB_LOG_FORMAT: { kind: 'string', default: 'pretty', oneOf: ['pretty', 'json'], describe: "Format of the services' log files: pretty lines to read, or JSON lines (what a deployment writes) to ship" },
  DATABASE_URL: { kind: 'url', describe: 'Use this Postgres server instead of the embedded one (needs the right to create databases)' },
  PGHOST: { kind: 'string', describe: 'Use this Postgres host instead of the embedded server' },
  PGPORT: { kind: 'int', min: 1, max: 65535, describe: 'Port of the PGHOST server' },
  PGUSER: { kind: 'string', describe: 'User on the PGHOST server' },
  PGPASSWORD: { kind: 'string', describe: 'Password of PGUSER' },
  PGDATABASE: { kind: 'string', describe: 'Database to connect to for creating the hub databases (default postgres)' },
});

export interface LauncherConfig {
  members: string[];
  dataDir: string;
  dbPrefix: string;
  gatewayPort: number;
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** DB_POOL_MAX of each member; undefined = sized to the network (connection-budget.ts). */
  memberPool: number | undefined;
  syntheticProfiles: boolean;
  /** Members per process (1 = each its own; more for simulations: network.ts membersPerProcess). */
  membersPerProcess: number;
  /** A real Postgres server to use; undefined = start the embedded one. */
  serverUrl: string | undefined;
}

export function loadLauncherConfig(env: NodeJS.ProcessEnv): LauncherConfig {
  const values = launcherEnv.read(env);
  const members = selectMembers(values.HUB_MEMBERS);
  if (!/^[a-z][a-z0-9_]*$/.test(values.HUB_DB_PREFIX)) throw new ConfigError('HUB_DB_PREFIX', 'must be lower-case letters, digits and _', 'For example wps');
  let serverUrl = values.DATABASE_URL;
  if (!serverUrl && (values.PGHOST || values.PGDATABASE || values.PGUSER)) {
    const url = new URL('postgres://localhost');
    url.hostname = values.PGHOST ?? 'localhost';
    url.port = String(values.PGPORT ?? 5432);
    url.username = values.PGUSER ?? 'postgres';
    if (values.PGPASSWORD) url.password = values.PGPASSWORD;
    url.pathname = `/${values.PGDATABASE ?? 'postgres'}`;
    serverUrl = url.toString();
  }
  return {
    members,
    dataDir: path.resolve(values.HUB_DATA_DIR ?? DEFAULT_DATA_DIR),
    dbPrefix: values.HUB_DB_PREFIX,
    gatewayPort: values.GATEWAY_PORT,
    logLevel: values.HUB_LOG_LEVEL as LogLevel,
    logFormat: values.HUB_LOG_FORMAT as LogFormat,
    memberPool: values.HUB_MEMBER_POOL,
    syntheticProfiles: values.HUB_SYNTHETIC_PROFILES,
    membersPerProcess: values.HUB_MEMBERS_PER_PROCESS,
    serverUrl,
  };
}
