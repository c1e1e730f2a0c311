import { authConfigFrom, authEnv, databaseConfigFrom, databaseEnv, defineEnv, logEnv, mergeEnv, metricsEnv, serviceLoginEnv, tracingEnv, type AuthConfig, type DatabaseConfig, type LogFormat, type LogLevel } from '@wps/kit';

/** Every variable the knowledge subgraph reads. */
export const knowledgeEnv = mergeEnv(
  mergeEnv(mergeEnv(mergeEnv(mergeEnv(mergeEnv(databaseEnv, serviceLoginEnv), authEnv), metricsEnv), logEnv), tracingEnv),
  defineEnv({
    PORT: { kind: 'int', default: '4002', min: 0, max: 65535, describe: 'HTTP port (0 = any free port)' },
    HOST: { kind: 'string', default: '127.0.0.1', describe: 'Interface to listen on (0.0.0.0 in containers)' },
    SEED_DEMO: {
      kind: 'bool',
      default: 'false',
      describe: 'Seed the generated demo items (flagged isDemo: practices of demo members, upcoming sessions, forum, directory) at start; false for a production hub',
    },
  }),
);

export interface KnowledgeConfig {
  port: number;
  host: string;
  logLevel: LogLevel;
  logFormat: LogFormat;
  seedDemo: boolean;
  database: DatabaseConfig;
  auth: AuthConfig;
}

export function loadKnowledgeConfig(env: NodeJS.ProcessEnv): KnowledgeConfig {
  const values = knowledgeEnv.read(env);
  return {
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL as LogLevel,
    logFormat: values.LOG_FORMAT as LogFormat,
    seedDemo: values.SEED_DEMO,
    database: databaseConfigFrom(values),
    auth: authConfigFrom(values),
  };
}
