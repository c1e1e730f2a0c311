import { isIP } from 'node:net';
import path from 'node:path';
import { authConfigFrom, authEnv, ConfigError, DEFAULT_BODY_LIMIT_BYTES, defineEnv, endpointPolicyFrom, logEnv, memberEndpointsEnv, mergeEnv, metricsEnv, tracingEnv, type AuthConfig, type LogFormat, type LogLevel } from '@wps/kit';
import { DEFAULT_MEMBER_MAX_RESPONSE_BYTES, type MemberLimits } from './member-transport.js';
import { DEFAULT_PROBE_MAX_BYTES } from './member-probe.js';
import type { EdgeLimits } from './edge-protection.js';
import type { WebUiConfig } from './web-ui/web-ui-config.js';
import type { ListSize } from './query-cost.js';
import type { RateLimits } from './rate-limit.js';
import { DEFAULT_WARM_UP_OPERATIONS } from './plan-warm-up.js';

/** Every variable the gateway reads. */
export const gatewayEnv = mergeEnv(mergeEnv(mergeEnv(mergeEnv(mergeEnv(authEnv, memberEndpointsEnv), metricsEnv), logEnv), tracingEnv), defineEnv({
  PORT: { kind: 'int', default: '4000', min: 0, max: 65535, describe: 'HTTP port of the hub (0 = any free port)' },
  HOST: { kind: 'string', default: '127.0.0.1', describe: 'Interface to listen on (0.0.0.0 in containers)' },
  SUPERGRAPH_PATH: { kind: 'string', describe: 'Federation 2 supergraph file to serve (default: gateway/supergraph.graphql)' },
  SUBGRAPH_URLS: { kind: 'list', describe: 'Override subgraph URLs of the supergraph: name=URL separated by commas, e.g. regional=http://regional:4001/graphql' },
  MEMBER_SUBGRAPH: { kind: 'string', default: 'nap', describe: 'Name of the subgraph fanned out to member states by the MemberRouter' },
  REGISTRY_URL: { kind: 'url', describe: 'GraphQL endpoint serving Query.members (default: the regional subgraph URL)' },
  REGISTRY_REFRESH_MS: { kind: 'duration', default: '10000', min: 200, describe: 'How often the gateway re-reads the member registry' },
  REGISTRY_STARTUP_TIMEOUT_MS: { kind: 'duration', default: '30000', min: 0, describe: 'How long the gateway waits at boot for the registry to answer' },
  MEMBER_TIMEOUT_MS: { kind: 'duration', default: '5000', min: 50, describe: 'Per-member request timeout' },
  MEMBER_MAX_RESPONSE_BYTES: { kind: 'int', default: String(DEFAULT_MEMBER_MAX_RESPONSE_BYTES), min: 1024, describe: "Largest member answer read, in bytes (8 MiB): the read stops as soon as it passes, and the member's part fails as invalid_response" },
  MEMBER_MAX_REQUEST_BYTES: { kind: 'int', default: String(DEFAULT_BODY_LIMIT_BYTES), min: 1024, describe: "Largest request the gateway sends a member, in bytes: the members' body limit (the kit's 1 MiB); a client request that would need a larger one is refused with BAD_USER_INPUT before any member is asked" },
  CONTRACT_PROBE_MAX_BYTES: { kind: 'int', default: String(DEFAULT_PROBE_MAX_BYTES), min: 1024, describe: "Largest answer to the contract check's _service { sdl } probe, in bytes (2 MiB)" },
  MEMBER_CIRCUIT_RESET_MS: { kind: 'duration', default: '10000', min: 100, describe: "How long a member's open circuit fails fast before a trial request" },
  MEMBER_CIRCUIT_VOLUME: { kind: 'int', default: '4', min: 1, describe: 'Failed requests (at least half of those in 10 s) before a member\'s circuit opens' },
  CONTRACT_CHECK_INTERVAL_MS: { kind: 'duration', default: '60000', min: 1000, describe: "How often each member's schema is checked again against the NAP contract" },
  SUBGRAPH_TIMEOUT_MS: { kind: 'duration', default: '10000', min: 50, describe: 'Request timeout for the other subgraphs' },
  REGISTRY_TOKEN_FILE: { kind: 'string', describe: "File holding a fixed service credential (a HUB_SERVICE JWT) for reading the registry, for a deployment without AUTH_TOKEN_URL" },
  AUTH_TOKEN_URL: { kind: 'url', describe: "The identity provider's OAuth 2.0 token endpoint: the gateway's rotating service credential (client_credentials) and members' tokens (RFC 8693 token exchange); without it, members receive no token (npm start: the embedded issuer)" },
  AUTH_CLIENT_ID: { kind: 'string', default: 'gateway', describe: 'Client id of the gateway at AUTH_TOKEN_URL' },
  AUTH_CLIENT_SECRET_FILE: { kind: 'string', describe: 'File with the gateway client secret at AUTH_TOKEN_URL (npm start: .data/keys/gateway.client-secret)' },
  MAX_QUERY_DEPTH: { kind: 'int', default: '10', min: 1, describe: 'Deepest selection a query may have' },
  MAX_ALIASES: { kind: 'int', default: '30', min: 1, describe: 'Most aliases a query may use' },
  MAX_DIRECTIVES: { kind: 'int', default: '20', min: 1, describe: 'Most directives a query may use' },
  MAX_QUERY_COST: { kind: 'int', default: '5000', min: 1, describe: "Highest graphql-armor cost a query may have (objects 2, scalars 1, x1.5 per level)" },
  MAX_FANOUT_COST: { kind: 'int', default: '500000', min: 1, describe: 'Highest fan-out cost a query may have: the values it asks of the hub and the members, lists multiplied by their assumed size (lists of member states by the registry size), 10 more per object a member resolves (gateway/src/query-cost.ts)' },
  COST_DEFAULT_LIST_SIZE: { kind: 'int', default: '10', min: 1, describe: 'Assumed length of a list the fan-out cost has no size for' },
  COST_MEMBER_LIST_FLOOR: { kind: 'int', default: '55', min: 1, describe: 'Fewest states a list of member states is assumed to hold, however few are registered (the AU has 55 members)' },
  COST_LIST_SIZES: { kind: 'list', describe: 'Assumed list lengths for the fan-out cost, overriding the built-in table: Type.field=N or Type.field=members*N, separated by commas, e.g. NationalActionPlan.indicators=80,PillarProgress.rows=members*12' },
  MAX_TOKENS: { kind: 'int', default: '6000', min: 100, describe: 'Most tokens a query document may have' },
  MAX_BODY_BYTES: { kind: 'int', default: '1048576', min: 1024, describe: 'Largest request body accepted' },
  RATE_LIMIT_WINDOW_MS: { kind: 'duration', default: '60000', min: 1000, describe: 'Window of the per-client request limits' },
  RATE_LIMIT_ANONYMOUS_REQUESTS: { kind: 'int', default: '600', min: 1, describe: 'Requests per window from one IP address without a token' },
  RATE_LIMIT_ANONYMOUS_CONCURRENCY: { kind: 'int', default: '12', min: 1, describe: 'Requests in flight at once from one IP address without a token' },
  RATE_LIMIT_SIGNED_IN_REQUESTS: { kind: 'int', default: '1200', min: 1, describe: "Requests per window from one signed-in client (the token's subject)" },
  RATE_LIMIT_SIGNED_IN_CONCURRENCY: { kind: 'int', default: '12', min: 1, describe: 'Requests in flight at once from one signed-in client' },
  RATE_LIMIT_REDIS_URL: { kind: 'url', describe: 'Redis shared by every gateway replica for the rate limits, e.g. redis://redis:6379 (default: each replica counts in memory; if Redis is unreachable, each replica falls back to its own memory and logs an error)' },
  RATE_LIMIT_KEY_PREFIX: { kind: 'string', default: 'wps-hub:rate-limit', describe: 'Prefix of the rate-limit keys in Redis' },
  TRUSTED_PROXIES: { kind: 'list', describe: 'Proxies whose X-Forwarded-For names the client, separated by commas: IP addresses, CIDRs, or loopback / linklocal / uniquelocal (default: none; the peer address is the client)' },
  CORS_ORIGINS: { kind: 'list', describe: 'Origins browsers may call the hub from, separated by commas (default: none)' },
  NODE_ENV: { kind: 'string', default: 'development', describe: 'production turns introspection and field suggestions off by default' },
  GRAPHQL_INTROSPECTION: { kind: 'bool', describe: 'Allow schema introspection (default: on, off in production)' },
  GRAPHQL_FIELD_SUGGESTIONS: { kind: 'bool', describe: 'Suggest field names in validation errors (default: on, off in production)' },
  DASHBOARD_DIR: { kind: 'string', describe: 'Folder of the built dashboard and GraphiQL page served at / and on a browser GET of /graphql (default: clients/dashboard/dist)' },
  DEV_SIGN_IN: { kind: 'bool', default: 'false', describe: "Development sign-in: the dashboard may mint 1-hour tokens for any role with DEV_SIGN_IN_KEY_FILE (npm start sets it; refused when NODE_ENV=production)" },
  DEV_SIGN_IN_KEY_FILE: { kind: 'string', describe: 'Private JWK of the local development keys the development sign-in signs with (npm start: .data/keys/private.jwk.json)' },
  STOP_DRAIN_MS: {
    kind: 'int',
    default: '0',
    min: 0,
    max: 120_000,
    describe: 'On SIGTERM, /ready answers 503 for this long while requests are still served, so a load balancer stops sending before the listener closes (a little over its check interval × fall, e.g. 1500 behind the load test\'s haproxy)',
  },
  WARM_UP_OPERATIONS: { kind: 'string', describe: "A .graphql file or folder of operations the gateway plans at boot, so a client's first request of one finds its plan cached (default: the typed client's, clients/sdk/src/operations, when present; none: skip)" },
}));

export interface GatewayConfig {
  port: number;
  host: string;
  supergraphPath: string;
  subgraphUrls: Record<string, string>;
  memberSubgraph: string;
  registryUrl?: string;
  registryRefreshMs: number;
  registryStartupTimeoutMs: number;
  memberTimeoutMs: number;
  /** Byte caps and the address policy of every call to a member. */
  memberLimits: MemberLimits;
  /** Byte cap of the contract probe's answer. */
  contractProbeMaxBytes: number;
  contractCheckIntervalMs: number;
  memberCircuit: { resetMs: number; volume: number };
  subgraphTimeoutMs: number;
  logLevel: LogLevel;
  logFormat: LogFormat;
  auth: AuthConfig;
  limits: EdgeLimits;
  /** The fan-out cost limit and its list-size assumptions. */
  cost: { maxCost: number; defaultListSize: number; memberListFloor: number; listSizes: Record<string, ListSize> };
  rateLimits: RateLimits;
  /** File with a fixed service credential for the registry (read at start), when there is no token endpoint. */
  registryTokenFile?: string;
  /** The identity provider's token endpoint and the gateway's client credential there. */
  tokenEndpoint?: { url: string; clientId: string; clientSecretFile: string };
  webUi: WebUiConfig;
  /** Operations planned at boot (plan-warm-up.ts): a .graphql file or folder; undefined plans none. */
  warmUpOperations?: string;
  /** How long /ready fails before the listener closes on stop. */
  stopDrainMs: number;
}

/** The dashboard's build output (clients/dashboard/dist), beside the gateway's package. */
export const DEFAULT_DASHBOARD_DIR = path.resolve(__dirname, '..', '..', 'clients', 'dashboard', 'dist');

function devSignInFrom(values: { DEV_SIGN_IN: boolean; DEV_SIGN_IN_KEY_FILE?: string; NODE_ENV: string; AUTH_ISSUER: string; AUTH_AUDIENCE: string }): WebUiConfig['devSignIn'] {
  if (!values.DEV_SIGN_IN) return undefined;
  if (values.NODE_ENV === 'production') {
    throw new ConfigError('DEV_SIGN_IN', 'is on while NODE_ENV=production', 'Development sign-in mints tokens for any role: turn it off in production and sign in with tokens of your identity provider');
  }
  if (!values.DEV_SIGN_IN_KEY_FILE) throw new ConfigError('DEV_SIGN_IN_KEY_FILE', 'is not set while DEV_SIGN_IN is on', 'Point it at the private JWK of the local development keys (.data/keys/private.jwk.json)');
  return { privateKeyFile: values.DEV_SIGN_IN_KEY_FILE, issuer: values.AUTH_ISSUER, audience: values.AUTH_AUDIENCE };
}

function tokenEndpointFrom(values: { AUTH_TOKEN_URL?: string; AUTH_CLIENT_ID: string; AUTH_CLIENT_SECRET_FILE?: string }): GatewayConfig['tokenEndpoint'] {
  if (!values.AUTH_TOKEN_URL) return undefined;
  if (!values.AUTH_CLIENT_SECRET_FILE) throw new ConfigError('AUTH_CLIENT_SECRET_FILE', 'is not set while AUTH_TOKEN_URL is', 'Point it at the file holding the gateway client secret');
  return { url: values.AUTH_TOKEN_URL, clientId: values.AUTH_CLIENT_ID, clientSecretFile: values.AUTH_CLIENT_SECRET_FILE };
}

/** The supergraph committed beside the gateway's package. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '..', 'supergraph.graphql');

function parseSubgraphUrls(entries: string[]): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const entry of entries) {
    const separator = entry.indexOf('=');
    const name = entry.slice(0, separator).trim();
    const url = entry.slice(separator + 1).trim();
    if (separator < 1 || !/^https?:\/\/\S+$/.test(url)) {
      throw new ConfigError('SUBGRAPH_URLS', `entry "${entry}" is not name=URL`, 'Write entries like regional=http://localhost:4001/graphql');
    }
    urls[name] = url;
  }
  return urls;
}

/** `Type.field=N` or `Type.field=members*N`. */
function parseListSizes(entries: string[]): Record<string, ListSize> {
  const sizes: Record<string, ListSize> = {};
  for (const entry of entries) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)=(members\*)?([0-9]{1,9})$/.exec(entry.trim());
    if (!match) throw new ConfigError('COST_LIST_SIZES', `entry "${entry}" is not Type.field=N or Type.field=members*N`, 'Write entries like NationalActionPlan.indicators=80 or PillarProgress.rows=members*12');
    sizes[match[1]!] = match[2] ? { perMember: Number(match[3]) } : { items: Number(match[3]) };
  }
  return sizes;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Addresses, CIDRs or express's names, as `trust proxy` takes them. */
function parseTrustedProxies(entries: string[]): string[] {
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const prefixOk = prefix === undefined || (/^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(entry) && (family === 0 || !prefixOk || extra !== undefined)) {
      throw new ConfigError('TRUSTED_PROXIES', `"${entry}" is not an IP address, a CIDR or one of ${[...PROXY_NAMES].join(', ')}`, 'Write entries like 10.0.0.0/8,192.168.1.10');
    }
  }
  return entries;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const values = gatewayEnv.read(env);
  return {
    port: values.PORT,
    host: values.HOST,
    supergraphPath: values.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH,
    subgraphUrls: parseSubgraphUrls(values.SUBGRAPH_URLS ?? []),
    memberSubgraph: values.MEMBER_SUBGRAPH,
    registryUrl: values.REGISTRY_URL,
    registryRefreshMs: values.REGISTRY_REFRESH_MS,
    registryStartupTimeoutMs: values.REGISTRY_STARTUP_TIMEOUT_MS,
    memberTimeoutMs: values.MEMBER_TIMEOUT_MS,
    memberLimits: { maxResponseBytes: values.MEMBER_MAX_RESPONSE_BYTES, maxRequestBytes: values.MEMBER_MAX_REQUEST_BYTES, endpoints: endpointPolicyFrom(values) },
    contractProbeMaxBytes: values.CONTRACT_PROBE_MAX_BYTES,
    contractCheckIntervalMs: values.CONTRACT_CHECK_INTERVAL_MS,
    memberCircuit: { resetMs: values.MEMBER_CIRCUIT_RESET_MS, volume: values.MEMBER_CIRCUIT_VOLUME },
    subgraphTimeoutMs: values.SUBGRAPH_TIMEOUT_MS,
    logLevel: values.LOG_LEVEL as LogLevel,
    logFormat: values.LOG_FORMAT as LogFormat,
    auth: authConfigFrom(values),
    limits: {
      maxDepth: values.MAX_QUERY_DEPTH,
      maxAliases: values.MAX_ALIASES,
      maxDirectives: values.MAX_DIRECTIVES,
      maxCost: values.MAX_QUERY_COST,
      maxTokens: values.MAX_TOKENS,
      maxBodyBytes: values.MAX_BODY_BYTES,
      corsOrigins: values.CORS_ORIGINS ?? [],
      introspection: values.GRAPHQL_INTROSPECTION ?? values.NODE_ENV !== 'production',
      fieldSuggestions: values.GRAPHQL_FIELD_SUGGESTIONS ?? values.NODE_ENV !== 'production',
    },
    cost: {
      maxCost: values.MAX_FANOUT_COST,
      defaultListSize: values.COST_DEFAULT_LIST_SIZE,
      memberListFloor: values.COST_MEMBER_LIST_FLOOR,
      listSizes: parseListSizes(values.COST_LIST_SIZES ?? []),
    },
    rateLimits: {
      windowMs: values.RATE_LIMIT_WINDOW_MS,
      anonymous: { requests: values.RATE_LIMIT_ANONYMOUS_REQUESTS, concurrent: values.RATE_LIMIT_ANONYMOUS_CONCURRENCY },
      signedIn: { requests: values.RATE_LIMIT_SIGNED_IN_REQUESTS, concurrent: values.RATE_LIMIT_SIGNED_IN_CONCURRENCY },
      redisUrl: values.RATE_LIMIT_REDIS_URL,
      keyPrefix: values.RATE_LIMIT_KEY_PREFIX,
      trustedProxies: parseTrustedProxies(values.TRUSTED_PROXIES ?? []),
    },
    registryTokenFile: values.REGISTRY_TOKEN_FILE,
    tokenEndpoint: tokenEndpointFrom(values),
    webUi: { dashboardDir: values.DASHBOARD_DIR ?? DEFAULT_DASHBOARD_DIR, devSignIn: devSignInFrom(values) },
    stopDrainMs: values.STOP_DRAIN_MS,
    warmUpOperations: values.WARM_UP_OPERATIONS === 'none' ? undefined : (values.WARM_UP_OPERATIONS ?? DEFAULT_WARM_UP_OPERATIONS),
  };
}
