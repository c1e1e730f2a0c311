import path from 'node:path';
import { ConfigError, defineEnv, isCountryCode, type LogLevel } from '@wps/kit';
import { DEMO_MEMBERS } from '@wps/data';
import { DEFAULT_DATA_DIR } from './paths.js';

/** Every variable `npm start` reads. */
export const launcherEnv = defineEnv({
  HUB_MEMBERS: { kind: 'list', describe: 'Member states to start, ISO codes separated by commas (default: the 12 demo members)' },
  HUB_DATA_DIR: { kind: 'string', describe: 'Folder for the embedded Postgres cluster and the logs (default: .data, git-ignored)' },
  HUB_DB_PREFIX: { kind: 'string', default: 'wps', describe: 'Prefix of the database names (<prefix>_nap_ke, <prefix>_regional, …)' },
  GATEWAY_PORT: { kind: 'int', default: '4000', min: 0, max: 65535, describe: 'Port of the hub gateway' },
  HUB_LOG_LEVEL: { kind: 'string', default: 'info', oneOf: ['info', 'warn', 'error', 'silent'], describe: 'Log level of the services (logs go to <data dir>/logs)' },
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
  /** A real Postgres server to use; undefined = start the embedded one. */
  serverUrl: string | undefined;
}

export function loadLauncherConfig(env: NodeJS.ProcessEnv): LauncherConfig {
  const values = launcherEnv.read(env);
  const members = (values.HUB_MEMBERS ?? [...DEMO_MEMBERS]).map((code) => code.toUpperCase());
  const invalid = members.filter((code) => !isCountryCode(code));
  if (invalid.length > 0) throw new ConfigError('HUB_MEMBERS', `${invalid.join(', ')} are not ISO 3166-1 alpha-2 codes`, 'List codes like KE,NG,SE');
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
    serverUrl,
  };
}
