import { availableParallelism } from 'node:os';
import path from 'node:path';
import { errorMessage, type LogFormat, type LogLevel } from '@wps/kit';
import { databaseUrl, ensureDatabases, ensureServiceRoles, networkDatabaseNames } from './databases.js';
import { freePort } from './free-port.js';
import type { NetworkKeys } from './keys.js';
import { startHostedMember } from './member-host.js';
import { SERVICE_SCRIPTS } from './paths.js';
import { spawnService, type ServiceProcess } from './service-process.js';
import { takeOffline } from './take-offline.js';

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
  /** With seedDemo: members with no NAP history in data/ get a synthetic load profile (scale runs). */
  syntheticProfiles?: boolean;
  logLevel?: LogLevel;
  /** json (default: tests, CI) or pretty (npm start: log files people read). */
  logFormat?: LogFormat;
  /** Extra environment for every service (for example MEMBER_TIMEOUT_MS for fault tests). */
  env?: Record<string, string>;
  /** Extra environment for the gateway alone (for example NODE_OPTIONS for the load test's memory probe). */
  gatewayEnv?: Record<string, string>;
  /** Let the dashboard mint development tokens with the network's private key (DEV_SIGN_IN). */
  devSignIn?: boolean;
  /** How many members start at once (default: two per CPU core, at least 2). */
  memberConcurrency?: number;
  /**
   * A member that fails to start is reported and left out (registered, so it
   * shows as not answering), instead of stopping the whole network. Default
   * false: a programmatic caller (a test) usually wants to know.
   */
  leaveOutFailedMembers?: boolean;
  /** Told as each member comes up or fails (the launcher's progress line). */
  onMemberStarted?(progress: MemberProgress): void;
  /** Extra environment for one member (for example a bad setting, to see a member fail to start). */
  memberEnv?: Record<string, Record<string, string>>;
  /** A command one member runs under, by country code (spawnService's commandPrefix: for example its own network namespace). */
  memberCommandPrefix?: Record<string, readonly string[]>;
  /**
   * For simulations on one machine (HUB_MEMBERS_PER_PROCESS): host up to this
   * many members in one process (SERVICE_SCRIPTS.napHost), each with its own
   * database, port, pool and schema instance. Default 1: one process per
   * member, as member states run them. Not with memberCommandPrefix.
   */
  membersPerProcess?: number;
  /** A command the gateway runs under (spawnService's commandPrefix). */
  gatewayCommandPrefix?: readonly string[];
}

export interface MemberProgress {
  countryCode: string;
  /** Members started or failed so far, and in all. */
  done: number;
  total: number;
  /** Why it failed to start (the first line of what the process said); undefined when it is up. */
  failure?: string;
}

export interface RunningNetwork {
  gatewayUrl: string;
  /** The embedded identity provider; its `url` is the token endpoint. */
  issuer: ServiceProcess;
  regional: ServiceProcess;
  knowledge: ServiceProcess;
  gateway: ServiceProcess;
  /** The running members, by country code (with membersPerProcess > 1, several share a host's pid). */
  members: Map<string, ServiceProcess>;
  /** The simulation hosts (membersPerProcess > 1); empty when every member has its own process. */
  memberHosts: ServiceProcess[];
  /** Members that failed to start and were left out, with why (only with `leaveOutFailedMembers`). */
  failedMembers: Map<string, string>;
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
export const SERVICE_VARIABLES = [
  'DATABASE_URL', 'DATABASE_APP_URL', 'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'PORT', 'HOST', 'NAP_COUNTRY_CODE', 'SEED_DEMO', 'SEED_SYNTHETIC',
  'REGISTRY_SEED', 'REGISTRY_SEED_EXCLUSIVE', 'SUBGRAPH_URLS', 'REGISTRY_URL', 'SUPERGRAPH_PATH', 'MEMBER_SUBGRAPH', 'LOG_LEVEL', 'LOG_FORMAT', 'OTEL_SERVICE_NAME',
  'AUTH_JWKS_URL', 'AUTH_JWKS_FILE', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'REGISTRY_TOKEN_FILE', 'DEV_SIGN_IN', 'DEV_SIGN_IN_KEY_FILE', 'DASHBOARD_DIR',
  'METRICS_PORT', 'METRICS_HOST',
  'AUTH_MAX_TOKEN_LIFETIME_S', 'AUTH_MAX_SERVICE_TOKEN_LIFETIME_S', 'AUTH_CLOCK_SKEW_S', 'AUTH_TOKEN_URL', 'AUTH_CLIENT_ID', 'AUTH_CLIENT_SECRET_FILE',
  'ISSUER_KEY_FILE', 'ISSUER_CLIENT_ID', 'ISSUER_CLIENT_SECRET_FILE', 'ISSUER_CLIENT_SUBJECT', 'ISSUER_SERVICE_TOKEN_LIFETIME_S', 'ISSUER_MEMBER_TOKEN_LIFETIME_S',
];

/**
 * The subgraphs run as the image runs them (the Dockerfile's
 * NODE_ENV=production): graphql-js then skips its development-mode check in
 * every type test (`instanceOf`, about a tenth of a member's CPU per
 * answer). The gateway keeps the launcher's NODE_ENV: the development
 * sign-in and introspection for GraphiQL need it not to be production.
 */
const SUBGRAPH_ENV = { NODE_ENV: 'production' } as const;

/** Lifetime of the gateway's service credential in the embedded default, unless the options' env sets ISSUER_SERVICE_TOKEN_LIFETIME_S. */
const SERVICE_TOKEN_LIFETIME_S = 900;

function baseEnvironment(options: NetworkOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVICE_VARIABLES) delete env[name];
  const serviceLifetime = options.env?.ISSUER_SERVICE_TOKEN_LIFETIME_S ?? String(SERVICE_TOKEN_LIFETIME_S);
  return {
    ...env,
    LOG_LEVEL: options.logLevel ?? 'info',
    LOG_FORMAT: options.logFormat ?? 'json',
    AUTH_JWKS_FILE: options.keys.jwksFile,
    // Every service accepts a service credential no longer-lived than the issuer mints (at least the verifier's floor of 60 s).
    AUTH_MAX_SERVICE_TOKEN_LIFETIME_S: String(Math.max(60, Number(serviceLifetime))),
    ISSUER_SERVICE_TOKEN_LIFETIME_S: serviceLifetime,
    // Every service serves its metrics on a free port of its own (the launcher reports where).
    METRICS_PORT: '0',
    // The embedded network's members answer on loopback: the registry and the gateway may call them there.
    MEMBER_ENDPOINTS_ALLOW: env.MEMBER_ENDPOINTS_ALLOW ?? 'loopback',
    ...options.env,
  };
}

/**
 * Start a network: create the databases that are missing and the services'
 * login roles (once per cluster, before any member starts), then the embedded
 * identity provider (the token issuer) and every member as its own process
 * on its own database (migrations and demo seed run at its start), then
 * regional (with the members registered), knowledge and the gateway, which
 * gets its service credential and the members' tokens from the issuer. On
 * failure, whatever started is stopped again.
 */
export async function startNetwork(options: NetworkOptions): Promise<RunningNetwork> {
  const perProcess = options.membersPerProcess ?? 1;
  if (!Number.isInteger(perProcess) || perProcess < 1) throw new Error(`membersPerProcess must be a whole number of at least 1 (got ${perProcess})`);
  if (perProcess > 1 && options.memberCommandPrefix && Object.keys(options.memberCommandPrefix).length > 0) {
    throw new Error('memberCommandPrefix needs one process per member: a hosted member shares its process (and network namespace) with others');
  }
  const names = networkDatabaseNames(options.dbPrefix, options.members);
  await ensureDatabases(options.adminDatabaseUrl, names.all);
  await ensureServiceRoles(options.adminDatabaseUrl);
  const base = baseEnvironment(options);
  const started: ServiceProcess[] = [];
  const members = new Map<string, ServiceProcess>();
  const failedMembers = new Map<string, string>();
  const memberPorts = new Map<string, number>();
  const seed = String(options.seedDemo ?? true);

  // Simulation hosts, by slot: member i goes to slot i mod the number of hosts, so members starting at once
  // start in different processes (and on different cores). A host that has exited is spawned again.
  const hostCount = Math.ceil(options.members.length / perProcess);
  const hosts = new Map<number, Promise<ServiceProcess>>();
  const hostFor = async (code: string): Promise<ServiceProcess> => {
    const index = options.members.indexOf(code);
    const slot = (index < 0 ? options.members.length : index) % hostCount;
    const current = hosts.get(slot);
    if (current) {
      const host = await current.catch(() => undefined);
      if (host && host.child.exitCode === null && host.child.signalCode === null) return host;
    }
    const spawned = spawnService({ name: `nap-host-${slot + 1}`, script: SERVICE_SCRIPTS.napHost, logDir: options.logDir, env: { ...base, ...SUBGRAPH_ENV } });
    hosts.set(slot, spawned);
    const host = await spawned;
    started.push(host);
    return host;
  };

  const startMember = async (code: string): Promise<ServiceProcess> => {
    const port = memberPorts.get(code) ?? (await freePort());
    memberPorts.set(code, port);
    const name = `nap-${code.toLowerCase()}`;
    const memberVariables: Record<string, string> = {
      ...SUBGRAPH_ENV,
      NAP_COUNTRY_CODE: code,
      PORT: String(port),
      SEED_DEMO: seed,
      SEED_SYNTHETIC: String(options.syntheticProfiles ?? false),
      DATABASE_URL: databaseUrl(options.adminDatabaseUrl, names.member(code)),
      ...options.memberEnv?.[code],
    };
    const member =
      perProcess > 1
        ? await startHostedMember(await hostFor(code), { name, countryCode: code, env: memberVariables })
        : await spawnService({
            name,
            script: SERVICE_SCRIPTS.nap,
            logDir: options.logDir,
            env: { ...base, ...memberVariables },
            commandPrefix: options.memberCommandPrefix?.[code],
          });
    members.set(code, member);
    started.push(member);
    return member;
  };
  const memberHosts = async () => (await Promise.all([...hosts.values()].map((host) => host.catch(() => undefined)))).filter((host) => host !== undefined);

  try {
    const issuer = await spawnService({
      name: 'issuer',
      script: SERVICE_SCRIPTS.issuer,
      logDir: options.logDir,
      env: { ...base, PORT: '0', ISSUER_KEY_FILE: options.keys.privateKeyFile, ISSUER_CLIENT_SECRET_FILE: options.keys.gatewayClientSecretFile },
    });
    started.push(issuer);
    await startMembersBounded(options, startMember, failedMembers);
    const [regional, knowledge] = await Promise.all([
      spawnService({
        name: 'regional',
        script: SERVICE_SCRIPTS.regional,
        logDir: options.logDir,
        env: {
          ...base,
          ...SUBGRAPH_ENV,
          PORT: '0',
          DATABASE_URL: databaseUrl(options.adminDatabaseUrl, names.regional),
          // A member left out is registered too, at the port it was given: the hub shows it as not answering.
          REGISTRY_SEED: options.members
            .map((code) => `${code}=${members.get(code)?.url ?? `http://127.0.0.1:${memberPorts.get(code)}/graphql`}`)
            .join(','),
          REGISTRY_SEED_EXCLUSIVE: 'true',
        },
      }),
      spawnService({
        name: 'knowledge',
        script: SERVICE_SCRIPTS.knowledge,
        logDir: options.logDir,
        env: { ...base, ...SUBGRAPH_ENV, PORT: '0', SEED_DEMO: seed, DATABASE_URL: databaseUrl(options.adminDatabaseUrl, names.knowledge) },
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
        AUTH_TOKEN_URL: issuer.url,
        AUTH_CLIENT_ID: 'gateway',
        AUTH_CLIENT_SECRET_FILE: options.keys.gatewayClientSecretFile,
        ...(options.devSignIn ? { DEV_SIGN_IN: 'true', DEV_SIGN_IN_KEY_FILE: options.keys.privateKeyFile } : {}),
        ...options.gatewayEnv,
      },
      commandPrefix: options.gatewayCommandPrefix,
    });
    started.push(gateway);
    await takeOffline(gateway.url, options.keys.privateKeyFile, failedMembers.keys());
    const hostList = await memberHosts();

    return {
      gatewayUrl: gateway.url,
      issuer,
      regional,
      knowledge,
      gateway,
      members,
      memberHosts: hostList,
      failedMembers,
      databases: names.all,
      services: () => [gateway, regional, knowledge, issuer, ...members.values()],
      async startMember(code) {
        const member = await startMember(code);
        const now = await memberHosts();
        hostList.splice(0, hostList.length, ...now);
        return member;
      },
      async stop() {
        await gateway.stop();
        await Promise.all([regional, knowledge, issuer, ...members.values()].map((service) => service.stop()));
        await Promise.all((await memberHosts()).map((host) => host.stop()));
      },
    };
  } catch (error) {
    // Members before their hosts: a host stopping first would take its members' drain with it.
    const hostsStarted = await memberHosts();
    await Promise.all(started.filter((service) => !hostsStarted.includes(service)).map((service) => service.stop()));
    await Promise.all(hostsStarted.map((host) => host.stop()));
    throw error;
  }
}

/**
 * Start the members a few at a time (each runs its migrations and seed as it
 * starts: 55 at once only make them all slow), reporting each as it comes up.
 * A failure stops the rest unless failed members are to be left out.
 */
async function startMembersBounded(
  options: NetworkOptions,
  startMember: (code: string) => Promise<ServiceProcess>,
  failedMembers: Map<string, string>,
): Promise<void> {
  const queue = [...options.members];
  const total = queue.length;
  let done = 0;
  let abort: unknown;
  const worker = async () => {
    for (let code = queue.shift(); code !== undefined && abort === undefined; code = queue.shift()) {
      try {
        await startMember(code);
        options.onMemberStarted?.({ countryCode: code, done: ++done, total });
      } catch (error) {
        if (!options.leaveOutFailedMembers) {
          abort ??= error;
          return;
        }
        const failure = firstLine(errorMessage(error));
        failedMembers.set(code, failure);
        options.onMemberStarted?.({ countryCode: code, done: ++done, total, failure });
      }
    }
  };
  const concurrency = Math.max(1, options.memberConcurrency ?? Math.max(2, availableParallelism() * 2));
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  if (abort !== undefined) throw abort;
}

const firstLine = (text: string): string => text.split('\n', 1)[0];

/** Log folder inside a data folder. */
export const logDirOf = (dataDir: string): string => path.join(dataDir, 'logs');
