import { readFileSync } from 'node:fs';
import type http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ConfigError, createHttpService, createLogger, GRAPHQL_PATH, createTokenVerifier, ErrorCode, HARDENED_APOLLO_SETTINGS, HubError, type HttpService, type Logger, type Principal } from '@wps/kit';
import type express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './gateway-context.js';
import { subgraphContractSdl, subgraphSchema } from './contract-check.js';
import { costLimitPlugin } from './cost-limit.js';
import { armorProtection, corsFor, refuseEncodedBodies } from './edge-protection.js';
import { createGatewayErrorMasker } from './error-masking.js';
import { memberContractSchema } from './member-answer-check.js';
import { MemberRegistry } from './member-registry.js';
import { MemberRouter } from './member-router.js';
import { OPEN_DATA_PATH } from './open-data/open-data-licence.js';
import { anonymousExecutor, openDataRouter } from './open-data/open-data-routes.js';
import { ExchangingMemberTokens, NO_MEMBER_TOKENS, type MemberTokens } from './member-tokens.js';
import { countBuiltPlans, readWarmUpOperations, warmUpPlans } from './plan-warm-up.js';
import { QueryCostModel } from './query-cost.js';
import { createClientLimiter } from './rate-limit.js';
import { RotatingCredential, staticCredential, type ServiceCredential } from './service-credential.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { subgraphsOf } from './supergraph.js';
import { TokenEndpoint } from './token-endpoint.js';
import { mountWebUi } from './web-ui/web-ui.js';

export interface GatewayServer {
  app: express.Express;
  httpServer: http.Server;
  /** The member registry, when the supergraph has a member subgraph (once it is loaded). */
  readonly registry: MemberRegistry | undefined;
  /**
   * Resolves once the supergraph is served and the member registry is
   * loaded, which is when GET /ready answers 200; rejects when either
   * cannot be (the reason the service does not start).
   */
  readonly loaded: Promise<void>;
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

function readClientSecret(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new ConfigError('AUTH_CLIENT_SECRET_FILE', `cannot read ${file}`, 'Point it at the file holding the gateway client secret (npm start writes .data/keys/gateway.client-secret)');
  }
}

/**
 * The gateway's credentials: with a token endpoint, a rotating service
 * credential (client_credentials) and member tokens by token exchange;
 * without one, the fixed REGISTRY_TOKEN_FILE and no token for members.
 */
function credentialsOf(config: GatewayConfig, logger: Logger): { service: ServiceCredential; memberTokens: MemberTokens } {
  if (!config.tokenEndpoint) {
    return { service: staticCredential(config.registryTokenFile ? readRegistryToken(config.registryTokenFile) : undefined), memberTokens: NO_MEMBER_TOKENS };
  }
  const endpoint = new TokenEndpoint({
    url: config.tokenEndpoint.url,
    clientId: config.tokenEndpoint.clientId,
    clientSecret: readClientSecret(config.tokenEndpoint.clientSecretFile),
    timeoutMs: config.subgraphTimeoutMs,
  });
  return { service: new RotatingCredential(endpoint, logger), memberTokens: new ExchangingMemberTokens(endpoint, logger) };
}

function readRegistryToken(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new ConfigError('REGISTRY_TOKEN_FILE', `cannot read ${file}`, 'Point it at a file holding a HUB_SERVICE token (npm start writes .data/keys/gateway.token)');
  }
}

/**
 * The hub's gateway, built but not listening: Apollo Gateway over a static
 * supergraph file. The member subgraph (`nap`) goes through the
 * MemberRouter; every other subgraph gets a plain data source with the URL
 * from the supergraph (or SUBGRAPH_URLS), so any Federation 2 supergraph can
 * be served.
 */
export async function createGatewayServer(config: GatewayConfig, logger: Logger = createLogger('gateway', config.logLevel, config.logFormat)): Promise<GatewayServer> {
  const server = openGatewayServer(config, logger);
  await server.loaded;
  return server;
}

/**
 * The gateway, able to listen at once: GET /health (liveness) answers 200
 * from the start, while GET /ready and /graphql answer 503 until the
 * supergraph is served and the member registry is loaded (`loaded`). A
 * member that is down, and a registry refresh that fails later (the last
 * copy is kept), do not make it unready.
 */
export function openGatewayServer(config: GatewayConfig, logger: Logger = createLogger('gateway', config.logLevel, config.logFormat)): GatewayServer {
  // @apollo/gateway reads this itself: nothing leaves the machine.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const service = createHttpService({ bodyLimitBytes: config.limits.maxBodyBytes, logger });
  const state: { registry?: MemberRegistry; ready: boolean; stopping: boolean; stopSteps: (() => Promise<void>)[] } = { ready: false, stopping: false, stopSteps: [] };
  service.app.get('/health', (_req, res) => {
    res.json({ status: 'ok', ready: state.ready, members: state.registry?.list().length ?? 0 });
  });
  service.app.get('/ready', (_req, res) => {
    const ready = state.ready && !state.stopping;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : state.stopping ? 'stopping' : 'starting', members: state.registry?.list().length ?? 0 });
  });
  service.app.use(GRAPHQL_PATH, (_req, res, next) => {
    if (state.ready) {
      next();
      return;
    }
    res.status(503).json({ errors: [{ message: 'The hub is starting: the supergraph or the member registry is not loaded yet.', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }] });
  });
  const loaded = loadGateway(config, logger, service, state).then(() => {
    state.ready = true;
  });
  // Read by the caller (createGatewayServer, index.ts); this keeps a failed start from also being an unhandled rejection.
  loaded.catch(() => undefined);
  return {
    app: service.app,
    httpServer: service.httpServer,
    get registry() {
      return state.registry;
    },
    loaded,
    listen: (port, host) => service.listen(port, host),
    stop: service.stopOnce(async () => {
      // Unready first, still serving: a load balancer checking /ready stops sending before the listener closes.
      state.stopping = true;
      if (state.ready && config.stopDrainMs > 0) {
        logger.info(`stopping: /ready answers 503 for ${config.stopDrainMs} ms while requests are still served`);
        await new Promise((resolve) => setTimeout(resolve, config.stopDrainMs));
      }
      await loaded.catch(() => undefined);
      for (const step of state.stopSteps) await step();
      // Apollo's drain plugin closes the server; one whose start failed never had Apollo running.
      if (service.httpServer.listening) {
        service.httpServer.closeAllConnections();
        await new Promise((resolve) => service.httpServer.close(resolve));
      }
    }),
  };
}

async function loadGateway(
  config: GatewayConfig,
  logger: Logger,
  service: HttpService,
  state: { registry?: MemberRegistry; stopSteps: (() => Promise<void>)[] },
): Promise<void> {
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const subgraphs = subgraphsOf(supergraphSdl);
  const urlOf = (name: string) => config.subgraphUrls[name] ?? subgraphs.find((subgraph) => subgraph.name === name)?.url;

  const credentials = credentialsOf(config, logger);
  let registry: MemberRegistry | undefined;
  let memberContract: GraphQLSchema | undefined;
  if (subgraphs.some((subgraph) => subgraph.name === config.memberSubgraph)) {
    const registryUrl = config.registryUrl ?? urlOf('regional');
    if (!registryUrl) throw new ConfigError('REGISTRY_URL', 'is not set and the supergraph has no regional subgraph', 'Set REGISTRY_URL to the endpoint serving Query.members');
    memberContract = memberContractSchema(subgraphContractSdl(supergraphSdl, config.memberSubgraph));
    registry = new MemberRegistry({
      url: registryUrl,
      refreshMs: config.registryRefreshMs,
      requestTimeoutMs: config.subgraphTimeoutMs,
      logger,
      credential: credentials.service,
      contract: subgraphSchema(subgraphContractSdl(supergraphSdl, config.memberSubgraph)),
      checkIntervalMs: config.contractCheckIntervalMs,
      probe: { timeoutMs: config.memberTimeoutMs, maxBytes: config.contractProbeMaxBytes, endpoints: config.memberLimits.endpoints },
    });
    state.stopSteps.push(async () => registry?.stop());
    await registry.start(config.registryStartupTimeoutMs);
    state.registry = registry;
  }

  const gateway = new ApolloGateway({
    supergraphSdl,
    __exposeQueryPlanExperimental: false,
    // Each fetch's parsed document comes with it, from the query-plan cache: the MemberRouter reads it once per plan.
    queryPlannerConfig: { exposeDocumentNodeInFetchNode: true },
    experimental_didResolveQueryPlan: countBuiltPlans(),
    logger: { debug: () => undefined, info: (message) => logger.info(String(message)), warn: (message) => logger.warn(String(message)), error: (message) => logger.error(String(message)) },
    buildService: ({ name, url }) => {
      if (name === config.memberSubgraph && registry && memberContract) {
        return new MemberRouter({
          directory: registry,
          contract: memberContract,
          memberTokens: credentials.memberTokens,
          timeoutMs: config.memberTimeoutMs,
          limits: config.memberLimits,
          logger,
          breaker: { errorPercentage: 50, volume: config.memberCircuit.volume, windowMs: 10_000, resetMs: config.memberCircuit.resetMs },
        });
      }
      const target = config.subgraphUrls[name] ?? url;
      if (!target) throw new ConfigError('SUBGRAPH_URLS', `subgraph ${name} has no URL in the supergraph`, `Add ${name}=http://… to SUBGRAPH_URLS`);
      return new SubgraphDataSource(name, target, config.subgraphTimeoutMs, logger);
    },
  });

  // X-Forwarded-For names the client only when a trusted proxy sent it; otherwise the peer is the client.
  service.app.set('trust proxy', config.rateLimits.trustedProxies.length > 0 ? [...config.rateLimits.trustedProxies] : false);
  const verifier = createTokenVerifier(config.auth);
  // One verification per request, shared by the rate limiter (which keys on the subject) and the context.
  const verified = new WeakMap<express.Request, Promise<Principal>>();
  const principalOf = (req: express.Request): Promise<Principal> => {
    let principal = verified.get(req);
    if (!principal) verified.set(req, (principal = verifier.verify(req.headers.authorization)));
    return principal;
  };
  const armor = armorProtection(config.limits);
  const costModel = new QueryCostModel({
    supergraphSdl,
    memberSubgraph: config.memberSubgraph,
    defaultListSize: config.cost.defaultListSize,
    memberListFloor: config.cost.memberListFloor,
    listSizes: config.cost.listSizes,
  });
  const apollo = new ApolloServer<GatewayContext>({
    ...HARDENED_APOLLO_SETTINGS,
    gateway,
    formatError: createGatewayErrorMasker(logger),
    introspection: config.limits.introspection,
    hideSchemaDetailsFromClientErrors: !config.limits.fieldSuggestions,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: armor.validationRules,
    plugins: [
      ...service.apolloPlugins,
      ...(armor.plugins as ApolloServerPlugin<GatewayContext>[]),
      costLimitPlugin<GatewayContext>({ model: costModel, maxCost: config.cost.maxCost, memberCount: () => registry?.list().length ?? 0 }),
    ],
  });
  let apiSchema: GraphQLSchema | undefined;
  let stopping = false;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => (apiSchema = loaded));
  await apollo.start();
  // The warm-up stops with the gateway.
  state.stopSteps.push(
    async () => {
      stopping = true;
    },
    () => apollo.stop(),
  );
  if (config.warmUpOperations && apiSchema) {
    // In the background: the gateway answers meanwhile (a request that comes first plans its own operation).
    const [schema, location, began] = [apiSchema, config.warmUpOperations, Date.now()];
    const operations = readWarmUpOperations(location);
    void warmUpPlans(apollo, schema, operations, logger, () => stopping).then((planned) => logger.info(`planned ${planned} of ${operations.length} operations at boot in ${Date.now() - began} ms (${location})`));
  }

  mountWebUi(service.app, config.webUi, logger);
  const clientLimiter = createClientLimiter(config.rateLimits, logger);
  state.stopSteps.push(() => clientLimiter.close());
  if (!(await clientLimiter.ready(3_000))) logger.error('rate-limit store (Redis) not reachable at start: this replica limits clients on its own, in memory, until it is');
  // Open data: public GraphQL run as an anonymous client through this Apollo server, behind the same CORS and per-IP limits.
  const anonymousClient = async (req: express.Request) => ({ key: `ip:${req.ip ?? 'unknown'}`, signedIn: false });
  service.app.use(OPEN_DATA_PATH, corsFor(config.limits), clientLimiter.middleware(anonymousClient), openDataRouter({ execute: anonymousExecutor(apollo), charge: (response, points) => clientLimiter.charge(response, points), logger }));
  service.serveGraphQL(
    expressMiddleware(apollo, {
      // The gateway verifies the token first (a bad one never reaches a subgraph) and forwards only it.
      context: async ({ req }): Promise<GatewayContext> => {
        try {
          return { principal: await principalOf(req), authorization: req.headers.authorization };
        } catch (error) {
          const message = error instanceof HubError ? error.message : 'The token could not be verified.';
          throw new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
        }
      },
    }),
    [
      corsFor(config.limits),
      clientLimiter.middleware(async (req) => {
        const principal = await principalOf(req);
        return principal.anonymous ? { key: `ip:${req.ip ?? 'unknown'}`, signedIn: false } : { key: `sub:${principal.subject}`, signedIn: true };
      }),
      refuseEncodedBodies(),
    ],
  );
  logger.info(`client limits: ${config.rateLimits.anonymous.requests} requests per ${config.rateLimits.windowMs / 1000} s and ${config.rateLimits.anonymous.concurrent} at once per IP without a token, ${config.rateLimits.signedIn.requests} and ${config.rateLimits.signedIn.concurrent} per signed-in subject, counted in ${clientLimiter.store === 'redis' ? 'Redis (shared by the replicas)' : 'memory (this replica)'}`);
}
