import { authConfigFrom, authEnv, databaseConfigFrom, databaseEnv, defineEnv, mergeEnv, serviceLoginEnv, type AuthConfig, type DatabaseConfig, type LogLevel } from '@wps/kit';

/** Every variable the NAP subgraph reads. */
export const napEnv = mergeEnv(
  mergeEnv(mergeEnv(databaseEnv, serviceLoginEnv), authEnv),
  defineEnv({
    NAP_COUNTRY_CODE: { kind: 'countryCode', required: true, describe: 'ISO 3166-1 alpha-2 code of the member state this deployment serves, e.g. KE' },
    PORT: { kind: 'int', default: '4100', min: 0, max: 65535, describe: 'HTTP port (0 = any free port)' },
    HOST: { kind: 'string', default: '127.0.0.1', describe: 'Interface to listen on (0.0.0.0 in containers)' },
    SEED_DEMO: { kind: 'bool', default: 'false', describe: 'Seed the demo plan history and indicators into an empty database at start' },
    LOG_LEVEL: { kind: 'string', default: 'info', oneOf: ['info', 'warn', 'error', 'silent'], describe: 'Least severe log level written' },
  }),
);

export interface NapConfig {
  countryCode: string;
  port: number;
  host: string;
  seedDemo: boolean;
  logLevel: LogLevel;
  database: DatabaseConfig;
  auth: AuthConfig;
}

export function loadNapConfig(env: NodeJS.ProcessEnv): NapConfig {
  const values = napEnv.read(env);
  return {
    countryCode: values.NAP_COUNTRY_CODE,
    port: values.PORT,
    host: values.HOST,
    seedDemo: values.SEED_DEMO,
    logLevel: values.LOG_LEVEL as LogLevel,
    database: databaseConfigFrom(values),
    auth: authConfigFrom(values),
  };
}
