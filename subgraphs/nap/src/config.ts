import { authConfigFrom, authEnv, databaseConfigFrom, databaseEnv, defineEnv, logEnv, memberAudience, mergeEnv, metricsEnv, serviceLoginEnv, tracingEnv, type AuthConfig, type DatabaseConfig, type LogFormat, type LogLevel } from '@wps/kit';

/** Every variable the NAP subgraph reads. */
export const napEnv = mergeEnv(
  mergeEnv(mergeEnv(mergeEnv(mergeEnv(mergeEnv(databaseEnv, serviceLoginEnv), authEnv), metricsEnv), logEnv), tracingEnv),
  defineEnv({
    NAP_COUNTRY_CODE: { kind: 'countryCode', required: true, describe: 'ISO 3166-1 alpha-2 code of the member state this deployment serves, e.g. KE' },
    PORT: { kind: 'int', default: '4100', min: 0, max: 65535, describe: 'HTTP port (0 = any free port)' },
    HOST: { kind: 'string', default: '127.0.0.1', describe: 'Interface to listen on (0.0.0.0 in containers)' },
    SEED_DEMO: { kind: 'bool', default: 'false', describe: 'Seed the demo plan history and indicators into an empty database at start' },
    SEED_SYNTHETIC: {
      kind: 'bool',
      default: 'false',
      describe: 'With SEED_DEMO, a state without a NAP history in data/ gets a synthetic load profile (one generated plan, every fact flagged demo): for scale runs only',
    },
    NAP_FOUR_EYES: { kind: 'bool', default: 'false', describe: 'Four-eyes publishing: a measurement or report drafted by one focal point must be published by another' },
  }),
);

export interface NapConfig {
  countryCode: string;
  port: number;
  host: string;
  seedDemo: boolean;
  /** Seed a synthetic load profile where data/ has no NAP history (scale runs). */
  seedSynthetic: boolean;
  /** Four-eyes publishing (member/four-eyes.ts). */
  fourEyes: boolean;
  logLevel: LogLevel;
  logFormat: LogFormat;
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
    seedSynthetic: values.SEED_SYNTHETIC,
    fourEyes: values.NAP_FOUR_EYES,
    logLevel: values.LOG_LEVEL as LogLevel,
    logFormat: values.LOG_FORMAT as LogFormat,
    database: databaseConfigFrom(values),
    // A member accepts only tokens minted for it (aud nap:<CC>), never a hub token.
    auth: authConfigFrom(values, { audience: memberAudience(values.NAP_COUNTRY_CODE) }),
  };
}
