import path from 'node:path';
import { databaseUrl, ensureDatabases, networkDatabaseNames } from './databases.js';
import { freePort } from './free-port.js';
import type { NetworkKeys } from './keys.js';
import { SERVICE_SCRIPTS } from './paths.js';
import { spawnService, type ServiceProcess } from './service-process.js';

export interface NetworkOptions {
  /** A Postgres URL with the right to create databases (embedded cluster or a real server). */
  adminDatabaseUrl: string;
  /** ISO codes of the member states to start, one NAP subgraph process each. */
  members: readonly string[];
  /** Database names start with this (`<prefix>_nap_ke`, `<prefix>_regional`, …). */
  dbPrefix: string;
  /** Folder for one log file per service. */
  logDir: string;
  /** Keys the services verify tokens with, and the gateway's service credential. */
  keys: NetworkKeys;
  /** Gateway port; 0 (default) picks a free one. */
  gatewayPort?: number;
  seedDemo?: boolean;
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /** Extra environment for every service (for example MEMBER_TIMEOUT_MS for fault tests). */
  env?: Record<string, string>;
  /** Extra environment for the gateway alone (for example NODE_OPTIONS for the load test's memory probe). */
  gatewayEnv?: Record<string, string>;
  /** Let the dashboard mint development tokens with the network's private key (DEV_SIGN_IN). */
  devSignIn?: boolean;
}

export interface RunningNetwork {
  gatewayUrl: string;
  regional: ServiceProcess;
  knowledge: ServiceProcess;
  gateway: ServiceProcess;
  /** The running member processes, by country code. */
  members: Map<string, ServiceProcess>;
  /** Names of the databases the network uses. */
  databases: string[];
  /** Every running service process. */
  services(): ServiceProcess[];
  /** Start (or restart) a member's subgraph on its original port, so the registry entry stays valid. */
  startMember(countryCode: string): Promise<ServiceProcess>;
  /** Stop the gateway first, then the subgraphs: each drains its requests and closes its pool. */
  stop(): Promise<void>;
}

/** Variables the launcher sets for its services; never inherited from the launcher's own environment. */
const SERVICE_VARIABLES = [
  'DATABASE_URL', 'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'PORT', 'HOST', 'NAP_COUNTRY_CODE', 'SEED_DEMO',
  'REGISTRY_SEED', 'REGISTRY_SEED_EXCLUSIVE', 'SUBGRAPH_URLS', 'REGISTRY_URL', 'SUPERGRAPH_PATH', 'MEMBER_SUBGRAPH', 'LOG_LEVEL',
  'AUTH_JWKS_URL', 'AUTH_JWKS_FILE', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'REGISTRY_TOKEN_FILE', 'DEV_SIGN_IN', 'DEV_SIGN_IN_KEY_FILE', 'DASHBOARD_DIR',
];

function baseEnvironment(options: NetworkOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVICE_VARIABLES) delete env[name];
  // The embedded network's members answer on loopback: the registry and the gateway may call them there.
  return { ...env, LOG_LEVEL: options.logLevel ?? 'info', AUTH_JWKS_FILE: options.keys.jwksFile, MEMBER_ENDPOINTS_ALLOW: env.MEMBER_ENDPOINTS_ALLOW ?? 'loopback', ...options.env };
}

/**
 * Start a network: create the databases that are missing, then every member
 * as its own process on its own database (migrations and demo seed run at
 * its start), then regional (with the members registered), knowledge and the
 * gateway. On failure, whatever started is stopped again.
 */
export async function startNetwork(options: NetworkOptions): Promise<RunningNetwork> {
  const names = networkDatabaseNames(options.dbPrefix, options.members);
  await ensureDatabases(options.adminDatabaseUrl, names.all);
  const base = baseEnvironment(options);
  const started: ServiceProcess[] = [];
  const members = new Map<string, ServiceProcess>();
  const memberPorts = new Map<string, number>();
  const seed = String(options.seedDemo ?? true);

  const startMember = async (code: string): Promise<ServiceProcess> => {
    const port = memberPorts.get(code) ?? (await freePort());
    memberPorts.set(code, port);
    const member = await spawnService({
      name: `nap-${code.toLowerCase()}`,
      script: SERVICE_SCRIPTS.nap,
      logDir: options.logDir,
      env: { ...base, NAP_COUNTRY_CODE: code, PORT: String(port), SEED_DEMO: seed, DATABASE_URL: databaseUrl(options.adminDatabaseUrl, names.member(code)) },
    });
    members.set(code, member);
    started.push(member);
    return member;
  };

  try {
    await Promise.all(options.members.map((code) => startMember(code)));
    const [regional, knowledge] = await Promise.all([
      spawnService({
        name: 'regional',
        script: SERVICE_SCRIPTS.regional,
        logDir: options.logDir,
        env: {
          ...base,
          PORT: '0',
          DATABASE_URL: databaseUrl(options.adminDatabaseUrl, names.regional),
          REGISTRY_SEED: [...members].map(([code, member]) => `${code}=${member.url}`).join(','),
          REGISTRY_SEED_EXCLUSIVE: 'true',
        },
      }),
      spawnService({
        name: 'knowledge',
        script: SERVICE_SCRIPTS.knowledge,
        logDir: options.logDir,
        env: { ...base, PORT: '0', SEED_DEMO: seed, DATABASE_URL: databaseUrl(options.adminDatabaseUrl, names.knowledge) },
      }),
    ]);
    started.push(regional, knowledge);
    const gateway = await spawnService({
      name: 'gateway',
      script: SERVICE_SCRIPTS.gateway,
      logDir: options.logDir,
      env: {
        ...base,
        PORT: String(options.gatewayPort ?? 0),
        SUBGRAPH_URLS: `regional=${regional.url},knowledge=${knowledge.url}`,
        REGISTRY_TOKEN_FILE: options.keys.gatewayTokenFile,
        ...(options.devSignIn ? { DEV_SIGN_IN: 'true', DEV_SIGN_IN_KEY_FILE: options.keys.privateKeyFile } : {}),
        ...options.gatewayEnv,
      },
    });
    started.push(gateway);

    return {
      gatewayUrl: gateway.url,
      regional,
      knowledge,
      gateway,
      members,
      databases: names.all,
      services: () => [gateway, regional, knowledge, ...members.values()],
      startMember,
      async stop() {
        await gateway.stop();
        await Promise.all([regional, knowledge, ...members.values()].map((service) => service.stop()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((service) => service.stop()));
    throw error;
  }
}

/** Log folder inside a data folder. */
export const logDirOf = (dataDir: string): string => path.join(dataDir, 'logs');
