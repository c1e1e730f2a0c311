import path from 'node:path';
import { ConfigError } from '@wps/kit';
import { DEFAULT_DASHBOARD_DIR, DEFAULT_SUPERGRAPH_PATH, loadGatewayConfig } from '../config.js';
import { DEFAULT_WARM_UP_OPERATIONS } from '../plan-warm-up.js';

/** The one variable the gateway cannot do without: where the token-signing public keys are. */
const AUTH = { AUTH_JWKS_FILE: '/keys/jwks.json' };

describe('loadGatewayConfig', () => {
  it('refuses to start without keys to verify tokens with, naming the variable', () => {
    expect(() => loadGatewayConfig({})).toThrow(/^AUTH_JWKS_FILE: is not set/);
  });

  it('reads which member addresses are allowed, and refuses an allowance it does not know', () => {
    expect(loadGatewayConfig({ ...AUTH, MEMBER_ENDPOINTS_ALLOW: 'loopback, private' }).memberLimits.endpoints.allow).toEqual(new Set(['loopback', 'private']));
    expect(() => loadGatewayConfig({ ...AUTH, MEMBER_ENDPOINTS_ALLOW: 'link-local' })).toThrow(/^MEMBER_ENDPOINTS_ALLOW: "link-local" is not one of loopback, private/);
  });

  it('defaults to the committed supergraph, no URL overrides and the nap member subgraph', () => {
    const config = loadGatewayConfig(AUTH);
    expect(config).toEqual({
      port: 4000,
      host: '127.0.0.1',
      supergraphPath: DEFAULT_SUPERGRAPH_PATH,
      subgraphUrls: {},
      memberSubgraph: 'nap',
      registryUrl: undefined,
      stopDrainMs: 0,
      registryRefreshMs: 10_000,
      registryStartupTimeoutMs: 30_000,
      memberTimeoutMs: 5_000,
      // Public member addresses only, 8 MiB answers, the kit's 1 MiB requests, a 2 MiB contract probe.
      memberLimits: { maxResponseBytes: 8 * 1024 * 1024, maxRequestBytes: 1_048_576, endpoints: { allow: new Set() } },
      contractProbeMaxBytes: 2 * 1024 * 1024,
      contractCheckIntervalMs: 60_000,
      memberCircuit: { resetMs: 10_000, volume: 4 },
      subgraphTimeoutMs: 10_000,
      logLevel: 'info',
      logFormat: 'json',
      auth: { jwksUrl: undefined, jwksFile: '/keys/jwks.json', issuer: 'wps-federation-hub', audience: 'wps-federation-hub', maxLifetimeS: 43_200, maxServiceLifetimeS: 31_536_000, clockSkewS: 30 },
      registryTokenFile: undefined,
      tokenEndpoint: undefined,
      limits: {
        maxDepth: 10,
        maxAliases: 30,
        maxDirectives: 20,
        maxCost: 5_000,
        maxTokens: 6_000,
        maxBodyBytes: 1_048_576,
        corsOrigins: [],
        introspection: true,
        fieldSuggestions: true,
      },
      webUi: { dashboardDir: DEFAULT_DASHBOARD_DIR, devSignIn: undefined },
      warmUpOperations: DEFAULT_WARM_UP_OPERATIONS,
      cost: { maxCost: 500_000, defaultListSize: 10, memberListFloor: 55, listSizes: {} },
      rateLimits: {
        windowMs: 60_000,
        anonymous: { requests: 600, concurrent: 12 },
        signedIn: { requests: 1200, concurrent: 12 },
        redisUrl: undefined,
        keyPrefix: 'wps-hub:rate-limit',
        trustedProxies: [],
      },
    });
    expect(DEFAULT_DASHBOARD_DIR).toBe(path.resolve(__dirname, '..', '..', '..', 'clients', 'dashboard', 'dist'));
    expect(DEFAULT_SUPERGRAPH_PATH).toBe(path.resolve(__dirname, '..', '..', 'supergraph.graphql'));
  });

  it('parses SUBGRAPH_URLS into name → URL, trimming entries', () => {
    const config = loadGatewayConfig({ ...AUTH, SUBGRAPH_URLS: ' regional = http://regional:4001/graphql ,knowledge=https://knowledge.internal/graphql' });
    expect(config.subgraphUrls).toEqual({ regional: 'http://regional:4001/graphql', knowledge: 'https://knowledge.internal/graphql' });
  });

  it.each([
    ['an entry without =', 'regional'],
    ['an entry without a name', '=http://regional:4001/graphql'],
    ['an entry whose URL is not http(s)', 'regional=ftp://regional/graphql'],
    ['an entry with an empty URL', 'regional='],
  ])('rejects %s with a ConfigError naming SUBGRAPH_URLS', (_label, entry) => {
    let thrown: unknown;
    try {
      loadGatewayConfig({ ...AUTH, SUBGRAPH_URLS: `knowledge=http://knowledge:4002/graphql,${entry}` });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe('SUBGRAPH_URLS');
    expect((thrown as ConfigError).message).toMatch(/^SUBGRAPH_URLS: /);
    expect((thrown as ConfigError).message).toContain(entry);
  });

  it('reads the fan-out cost list sizes as Type.field=N or Type.field=members*N, and refuses anything else', () => {
    const config = loadGatewayConfig({ ...AUTH, COST_LIST_SIZES: 'NationalActionPlan.indicators=80, PillarProgress.rows=members*12' });
    expect(config.cost.listSizes).toEqual({ 'NationalActionPlan.indicators': { items: 80 }, 'PillarProgress.rows': { perMember: 12 } });
    for (const entry of ['indicators=80', 'NationalActionPlan.indicators=', 'NationalActionPlan.indicators=-1', 'PillarProgress.rows=12*members']) {
      expect(() => loadGatewayConfig({ ...AUTH, COST_LIST_SIZES: entry })).toThrow(/^COST_LIST_SIZES: entry/);
    }
  });

  it('reads trusted proxies as addresses, CIDRs or express names, and refuses anything else', () => {
    const config = loadGatewayConfig({ ...AUTH, TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.10,loopback,fd00::/8' });
    expect(config.rateLimits.trustedProxies).toEqual(['10.0.0.0/8', '192.168.1.10', 'loopback', 'fd00::/8']);
    for (const entry of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/2', '*']) {
      expect(() => loadGatewayConfig({ ...AUTH, TRUSTED_PROXIES: entry })).toThrow(/^TRUSTED_PROXIES: /);
    }
  });

  it('reads the other variables with their bounds', () => {
    const config = loadGatewayConfig({ ...AUTH, MEMBER_TIMEOUT_MS: '750', REGISTRY_URL: 'http://regional:4001/graphql', LOG_LEVEL: 'warn' });
    expect(config.memberTimeoutMs).toBe(750);
    expect(config.registryUrl).toBe('http://regional:4001/graphql');
    expect(config.logLevel).toBe('warn');
    expect(() => loadGatewayConfig({ ...AUTH, MEMBER_TIMEOUT_MS: '10' })).toThrow(/^MEMBER_TIMEOUT_MS: 10 is below 50/);
  });

  it('turns the development sign-in on only when asked, with the key it signs with', () => {
    const config = loadGatewayConfig({ ...AUTH, DEV_SIGN_IN: 'true', DEV_SIGN_IN_KEY_FILE: '/keys/private.jwk.json' });
    expect(config.webUi.devSignIn).toEqual({ privateKeyFile: '/keys/private.jwk.json', issuer: 'wps-federation-hub', audience: 'wps-federation-hub' });
    expect(() => loadGatewayConfig({ ...AUTH, DEV_SIGN_IN: 'true' })).toThrow(/^DEV_SIGN_IN_KEY_FILE: is not set/);
  });

  it('refuses to boot with the development sign-in on under NODE_ENV=production', () => {
    expect(() => loadGatewayConfig({ ...AUTH, NODE_ENV: 'production', DEV_SIGN_IN: 'true', DEV_SIGN_IN_KEY_FILE: '/keys/private.jwk.json' })).toThrow(
      /^DEV_SIGN_IN: is on while NODE_ENV=production/,
    );
    expect(loadGatewayConfig({ ...AUTH, NODE_ENV: 'production', DEV_SIGN_IN_KEY_FILE: '/keys/private.jwk.json' }).webUi.devSignIn).toBeUndefined();
  });

  it('reads the token endpoint with the client credential it needs, and the token lifetimes', () => {
    expect(() => loadGatewayConfig({ ...AUTH, AUTH_TOKEN_URL: 'http://issuer/token' })).toThrow(/^AUTH_CLIENT_SECRET_FILE: is not set while AUTH_TOKEN_URL is/);
    expect(loadGatewayConfig({ ...AUTH, AUTH_TOKEN_URL: 'http://issuer/token', AUTH_CLIENT_SECRET_FILE: '/keys/secret' }).tokenEndpoint).toEqual({ url: 'http://issuer/token', clientId: 'gateway', clientSecretFile: '/keys/secret' });
    const auth = loadGatewayConfig({ ...AUTH, AUTH_MAX_TOKEN_LIFETIME_S: '3600', AUTH_MAX_SERVICE_TOKEN_LIFETIME_S: '600', AUTH_CLOCK_SKEW_S: '5' }).auth;
    expect([auth.maxLifetimeS, auth.maxServiceLifetimeS, auth.clockSkewS]).toEqual([3600, 600, 5]);
    expect(() => loadGatewayConfig({ ...AUTH, AUTH_CLOCK_SKEW_S: '3600' })).toThrow(/^AUTH_CLOCK_SKEW_S: 3600 is above 300/);
  });
});
