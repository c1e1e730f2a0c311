import { authConfigFrom, authEnv, databaseConfigFrom, databaseEnv, defineEnv, logEnv, endpointPolicyFrom, memberEndpointsEnv, mergeEnv, metricsEnv, serviceLoginEnv, tracingEnv, type AuthConfig, type DatabaseConfig, type EndpointPolicy, type LogFormat, type LogLevel } from '@wps/kit';
import type { MemberRegistration } from './registry/registry.service.js';
import { parseRegistrySeed } from './registry/registry-seed.js';

/** Every variable the regional subgraph reads. */
export const regionalEnv = mergeEnv(
  mergeEnv(mergeEnv(mergeEnv(mergeEnv(mergeEnv(mergeEnv(databaseEnv, serviceLoginEnv), authEnv), memberEndpointsEnv), metricsEnv), logEnv), tracingEnv),
  defineEnv({
    PORT: { kind: 'int', default: '4001', min: 0, max: 65535, describe: 'HTTP port (0 = any free port)' },
    HOST: { kind: 'string', default: '127.0.0.1', describe: 'Interface to listen on (0.0.0.0 in containers)' },
    REGISTRY_SEED: { kind: 'list', describe: 'Members to register at start, CODE=URL separated by commas (bootstrap for the demo and compose)' },
    REGISTRY_SEED_EXCLUSIVE: { kind: 'bool', default: 'false', describe: 'Remove registered members not listed in REGISTRY_SEED' },
  }),
);

export interface RegionalConfig {
  port: number;
  host: string;
  registrySeed: MemberRegistration[] | null;
  registrySeedExclusive: boolean;
  /** Which addresses a member endpoint may resolve to (MEMBER_ENDPOINTS_ALLOW). */
  memberEndpoints: EndpointPolicy;
  logLevel: LogLevel;
  logFormat: LogFormat;
  database: DatabaseConfig;
  auth: AuthConfig;
}

export function loadRegionalConfig(env: NodeJS.ProcessEnv): RegionalConfig {
  const values = regionalEnv.read(env);
  return {
    port: values.PORT,
    host: values.HOST,
    registrySeed: values.REGISTRY_SEED ? parseRegistrySeed(values.REGISTRY_SEED) : null,
    registrySeedExclusive: values.REGISTRY_SEED_EXCLUSIVE,
    memberEndpoints: endpointPolicyFrom(values),
    logLevel: values.LOG_LEVEL as LogLevel,
    logFormat: values.LOG_FORMAT as LogFormat,
    database: databaseConfigFrom(values),
    auth: authConfigFrom(values),
  };
}
