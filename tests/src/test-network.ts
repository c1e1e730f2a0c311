import path from 'node:path';
import { createHubClient, type HubClient } from '@wps/sdk';
import { dropDatabases, REPO_ROOT, startNetwork, type RunningNetwork } from '@wps/launcher';
import { assertTestDatabaseName, testAdminUrl, testPrefix } from './test-database.js';

export interface TestNetwork {
  network: RunningNetwork;
  /** The typed client, pointed at the network's gateway. */
  client: HubClient;
  gatewayUrl: string;
  /** The member's database URL, to check what it holds. */
  stop(): Promise<void>;
}

export interface TestNetworkOptions {
  members: string[];
  label: string;
  /** Extra environment for every service, e.g. { MEMBER_TIMEOUT_MS: '1000' }. */
  env?: Record<string, string>;
}

/**
 * A real network for a test: the built services as processes, each member on
 * its own database on the test Postgres. `stop()` stops every process and
 * drops the databases.
 */
export async function startTestNetwork(options: TestNetworkOptions): Promise<TestNetwork> {
  const prefix = testPrefix(options.label);
  assertTestDatabaseName(prefix);
  const network = await startNetwork({
    adminDatabaseUrl: testAdminUrl(),
    members: options.members,
    dbPrefix: prefix,
    logDir: path.join(REPO_ROOT, '.data', 'test-logs', prefix),
    logLevel: 'warn',
    env: { REGISTRY_REFRESH_MS: '500', ...options.env },
  });
  return {
    network,
    gatewayUrl: network.gatewayUrl,
    client: createHubClient({ url: network.gatewayUrl }),
    async stop() {
      await network.stop();
      await dropDatabases(testAdminUrl(), network.databases);
    },
  };
}
