import path from 'node:path';
import { createHubClient, type HubClient } from '@wps/sdk';
import { dropDatabases, ensureNetworkKeys, REPO_ROOT, startNetwork, type NetworkKeys, type RunningNetwork } from '@wps/launcher';
import { assertTestDatabaseName, testAdminUrl, testPrefix } from './test-database.js';

export interface TestNetwork {
  network: RunningNetwork;
  /** The keys the network trusts: sign test tokens with `signDevToken(keys.privateKeyFile, …)`. */
  keys: NetworkKeys;
  /** The typed client, pointed at the network's gateway. */
  client: HubClient;
  gatewayUrl: string;
  /** Where each service's log is written (`<logDir>/nap-ke.log`, `gateway.log`, …). */
  logDir: string;
  /** The member's database URL, to check what it holds. */
  stop(): Promise<void>;
}

export interface TestNetworkOptions {
  members: string[];
  label: string;
  /** Extra environment for every service, e.g. { MEMBER_TIMEOUT_MS: '1000' }. */
  env?: Record<string, string>;
  /** Seed each member with the demo plans (default true); false starts members with empty databases. */
  seedDemo?: boolean;
  /** Members without a NAP history in data/ get a synthetic load profile (the launcher's HUB_SYNTHETIC_PROFILES). */
  syntheticProfiles?: boolean;
  /** A member that fails to start is left out, as `npm start` does, instead of failing the test network. */
  leaveOutFailedMembers?: boolean;
  /** Extra environment for one member, by country code. */
  memberEnv?: Record<string, Record<string, string>>;
  /** Host up to this many members in one process (the launcher's HUB_MEMBERS_PER_PROCESS; default 1). */
  membersPerProcess?: number;
}

/**
 * A real network for a test: the built services as processes, each member on
 * its own database on the test Postgres. `stop()` stops every process and
 * drops the databases.
 */
export async function startTestNetwork(options: TestNetworkOptions): Promise<TestNetwork> {
  const prefix = testPrefix(options.label);
  assertTestDatabaseName(prefix);
  const keys = await testKeys();
  const logDir = path.join(REPO_ROOT, '.data', 'test-logs', prefix);
  const network = await startNetwork({
    adminDatabaseUrl: testAdminUrl(),
    keys,
    members: options.members,
    dbPrefix: prefix,
    logDir,
    logLevel: 'warn',
    seedDemo: options.seedDemo,
    syntheticProfiles: options.syntheticProfiles,
    leaveOutFailedMembers: options.leaveOutFailedMembers,
    memberEnv: options.memberEnv,
    membersPerProcess: options.membersPerProcess,
    // The dashboard's development sign-in, except where a test runs the hub as in production (which refuses it).
    devSignIn: options.env?.NODE_ENV !== 'production',
    env: { REGISTRY_REFRESH_MS: '500', ...options.env },
  });
  await warmMembers(network);
  return {
    network,
    keys,
    gatewayUrl: network.gatewayUrl,
    logDir,
    client: createHubClient({ url: network.gatewayUrl }),
    async stop() {
      await network.stop();
      await dropDatabases(testAdminUrl(), network.databases);
    },
  };
}

/**
 * Asks every member, directly, for its plans down to the measurements, twice:
 * a member's first answers (JIT, first pooled connections, first plans of its
 * SQL) can take seconds on a loaded machine, longer than the short
 * MEMBER_TIMEOUT_MS a test sets to see a hung member given up on. Warming them
 * outside the gateway keeps those first answers out of its circuit breakers.
 * A member that does not answer is left as it is: its test says what it expects.
 */
async function warmMembers(network: RunningNetwork): Promise<void> {
  const ask = (url: string, code: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ actionPlans(countryCode: "${code}") { id indicators { code measurements { value } } } }` }),
      signal: AbortSignal.timeout(30_000),
    }).then((response) => response.text(), () => undefined);
  await Promise.all(
    [...network.members].map(async ([code, member]) => {
      await ask(member.url, code);
      await ask(member.url, code);
    }),
  );
}

/** The test run's signing keys (one pair, shared by every test network). */
export function testKeys(): Promise<NetworkKeys> {
  return ensureNetworkKeys(path.join(REPO_ROOT, '.data', 'test-keys'));
}
