import path from 'node:path';
import { authConfigFrom, authEnv, ConfigError, defineEnv, mergeEnv, type AuthConfig, type LogLevel } from '@wps/kit';
import type { EdgeLimits } from './edge-protection.js';
import type { WebUiConfig } from './web-ui/web-ui-config.js';

/** Every variable the gateway reads. */
export const gatewayEnv = mergeEnv(authEnv, defineEnv({
  PORT: { kind: 'int', default: '4000', min: 0, max: 65535, describe: 'HTTP port of the hub (0 = any free port)' },
  HOST: { kind: 'string', default: '127.0.0.1', describe: 'Interface to listen on (0.0.0.0 in containers)' },
  SUPERGRAPH_PATH: { kind: 'string', describe: 'Federation 2 supergraph file to serve (default: gateway/supergraph.graphql)' },
  SUBGRAPH_URLS: { kind: 'list', describe: 'Override subgraph URLs of the supergraph: name=URL separated by commas, e.g. regional=http://regional:4001/graphql' },
  MEMBER_SUBGRAPH: { kind: 'string', default: 'nap', describe: 'Name of the subgraph fanned out to member states by the MemberRouter' },
  REGISTRY_URL: { kind: 'url', describe: 'GraphQL endpoint serving Query.members (default: the regional subgraph URL)' },
  REGISTRY_REFRESH_MS: { kind: 'duration', default: '10000', min: 200, describe: 'How often the gateway re-reads the member registry' },
  REGISTRY_STARTUP_TIMEOUT_MS: { kind: 'duration', default: '30000', min: 0, describe: 'How long the gateway waits at boot for the registry to answer' },
  MEMBER_TIMEOUT_MS: { kind: 'duration', default: '5000', min: 50, describe: 'Per-member request timeout' },
  MEMBER_CIRCUIT_RESET_MS: { kind: 'duration', default: '10000', min: 100, describe: "How long a member's open circuit fails fast before a trial request" },
  MEMBER_CIRCUIT_VOLUME: { kind: 'int', default: '4', min: 1, describe: 'Failed requests (at least half of those in 10 s) before a member\'s circuit opens' },
  CONTRACT_CHECK_INTERVAL_MS: { kind: 'duration', default: '60000', min: 1000, describe: "How often each member's schema is checked again against the NAP contract" },
  SUBGRAPH_TIMEOUT_MS: { kind: 'duration', default: '10000', min: 50, describe: 'Request timeout for the other subgraphs' },
  REGISTRY_TOKEN_FILE: { kind: 'string', describe: "File holding the gateway's service credential (a HUB_SERVICE JWT) for reading the registry" },
  MAX_QUERY_DEPTH: { kind: 'int', default: '10', min: 1, describe: 'Deepest selection a query may have' },
  MAX_ALIASES: { kind: 'int', default: '30', min: 1, describe: 'Most aliases a query may use' },
  MAX_DIRECTIVES: { kind: 'int', default: '20', min: 1, describe: 'Most directives a query may use' },
  MAX_QUERY_COST: { kind: 'int', default: '5000', min: 1, describe: "Highest graphql-armor cost a query may have (objects 2, scalars 1, x1.5 per level)" },
  MAX_TOKENS: { kind: 'int', default: '6000', min: 100, describe: 'Most tokens a query document may have' },
  MAX_BODY_BYTES: { kind: 'int', default: '1048576', min: 1024, describe: 'Largest request body accepted' },
  CORS_ORIGINS: { kind: 'list', describe: 'Origins browsers may call the hub from, separated by commas (default: none)' },
  NODE_ENV: { kind: 'string', default: 'development', describe: 'production turns introspection and field suggestions off by default' },
  GRAPHQL_INTROSPECTION: { kind: 'bool', describe: 'Allow schema introspection (default: on, off in production)' },
  GRAPHQL_FIELD_SUGGESTIONS: { kind: 'bool', describe: 'Suggest field names in validation errors (default: on, off in production)' },
  LOG_LEVEL: { kind: 'string', default: 'info', oneOf: ['info', 'warn', 'error', 'silent'], describe: 'Least severe log level written' },
  DASHBOARD_DIR: { kind: 'string', describe: 'Folder of the built dashboard and GraphiQL page served at / and on a browser GET of /graphql (default: clients/dashboard/dist)' },
  DEV_SIGN_IN: { kind: 'bool', default: 'false', describe: "Development sign-in: the dashboard may mint 1-hour tokens for any role with DEV_SIGN_IN_KEY_FILE (npm start sets it; refused when NODE_ENV=production)" },
  DEV_SIGN_IN_KEY_FILE: { kind: 'string', describe: 'Private JWK of the local development keys the development sign-in signs with (npm start: .data/keys/private.jwk.json)' },
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
  contractCheckIntervalMs: number;
  memberCircuit: { resetMs: number; volume: number };
  subgraphTimeoutMs: number;
  logLevel: LogLevel;
  auth: AuthConfig;
  limits: EdgeLimits;
  /** File with the gateway's service credential for the registry (read at start). */
  registryTokenFile?: string;
  webUi: WebUiConfig;
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
    contractCheckIntervalMs: values.CONTRACT_CHECK_INTERVAL_MS,
    memberCircuit: { resetMs: values.MEMBER_CIRCUIT_RESET_MS, volume: values.MEMBER_CIRCUIT_VOLUME },
    subgraphTimeoutMs: values.SUBGRAPH_TIMEOUT_MS,
    logLevel: values.LOG_LEVEL as LogLevel,
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
    registryTokenFile: values.REGISTRY_TOKEN_FILE,
    webUi: { dashboardDir: values.DASHBOARD_DIR ?? DEFAULT_DASHBOARD_DIR, devSignIn: devSignInFrom(values) },
  };
}
