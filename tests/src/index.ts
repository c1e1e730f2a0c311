export { LEAK_PATTERNS, postGraphQL } from './graphql-http.js';
export { descendantsOf, isAlive, waitFor } from './processes.js';
export { assertTestDatabaseName, createTestDatabase, testAdminUrl, testPrefix, type TestDatabase } from './test-database.js';
export { startTestNetwork, testKeys, type TestNetwork, type TestNetworkOptions } from './test-network.js';
export {
  closeTestSubgraph,
  committedSubgraphSdl,
  openRoleDataSource,
  openTestSubgraphDatabase,
  recordingLogger,
  servedSubgraphSdl,
  silentLogger,
  startSubgraphHarness,
  type SubgraphHarness,
  type SubgraphHarnessOptions,
} from './subgraph-harness.js';
export { startExtraMember, type ExtraMember } from './extra-member.js';
export { startCuttingProxy, type CuttingProxy } from './cutting-proxy.js';
export { browserAvailable, CHROMIUM_ARGS, CHROMIUM_PATH, foreignRequests, launchBrowser, recordRequests, screenshot, SCREENSHOT_DIR, seriousAxeViolations, type AxeViolation } from './browser.js';
export { startExtraGateway, type ExtraGateway } from './extra-gateway.js';
export { describeFailures, describeRequest, problemsOf, runGatewayFuzz, type FuzzFailure, type FuzzOptions, type FuzzReport } from './fuzz/runner.js';
export type { FuzzRequest } from './fuzz/requests.js';
export {
  adversarialText,
  BLAMED_COUNTRY,
  FORGED_COUNTRY,
  FORGED_TITLE,
  HOSTILE_MEMBER_SCRIPT,
  HOSTILE_MODES,
  LONG_ERROR_CHARACTERS,
  startHostileMember,
  type HostileContext,
  type HostileMember,
  type HostileMode,
  type HostileModeName,
  type HostileRequest,
} from './hostile-member.js';
export { askIssuer, gatewayClient, memberTokenFor } from './member-token.js';
export { serveHostile, startHostileEndpoint, type HostileEndpoint, type HostileEndpointMode, type HostileEndpointStats } from './hostile-endpoint.js';
export { createNetnsLab, netnsUnavailable, startTcpForwarder, type Fault, type NetnsHost, type NetnsLab, type TcpForwarder } from './netns.js';
