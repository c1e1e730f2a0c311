import type http from 'node:http';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ANONYMOUS, type Principal } from './auth/principal.js';
import type { TokenVerifier } from './auth/token-verifier.js';
import { createErrorMasker } from './errors.js';
import { ErrorCode, HubError } from './hub-error.js';
import { idempotencyPlugin } from './idempotency.js';
import { createHttpService, HARDENED_APOLLO_SETTINGS } from './http-service.js';
import type { Logger } from './logger.js';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  /** Service name for logs. */
  name: string;
  schema: GraphQLSchema;
  logger: Logger;
  /** Build the per-request context (loaders live here, never at module level). */
  context: (input: { request: express.Request; principal: Principal }) => Promise<TContext>;
  /**
   * Verifies the bearer token of each request: each service decides from the
   * token alone, it does not trust the hub. Without a verifier every request
   * is public, and one that carries a token is refused (never downgraded).
   */
  verifier?: TokenVerifier;
  /** Answers GET /health and GET /ready: resolve when the service can serve (its database is reachable). */
  healthCheck?: () => Promise<void>;
  /** Called after the HTTP server has drained, to close pools. */
  onStop?: () => Promise<void>;
  plugins?: ApolloServerPlugin<TContext>[];
  /** Largest accepted request body, in bytes (default 1 MiB). */
  bodyLimitBytes?: number;
}

export interface SubgraphServer {
  app: express.Express;
  httpServer: http.Server;
  /** Bind the port (0 = any free one) and return the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stop accepting requests, drain in-flight ones, then run `onStop`. */
  stop(): Promise<void>;
}

/** The principal of a request, or a 401 UNAUTHENTICATED GraphQL error. */
async function principalOf(request: express.Request, verifier: TokenVerifier | undefined): Promise<Principal> {
  const authorization = request.headers.authorization;
  try {
    if (!verifier) {
      if (authorization) throw new HubError(ErrorCode.UNAUTHENTICATED, 'This service accepts no tokens.');
      return ANONYMOUS;
    }
    return await verifier.verify(authorization);
  } catch (error) {
    const message = error instanceof HubError ? error.message : 'The token could not be verified.';
    throw new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
  }
}

/**
 * A subgraph's answers are never cacheable (they depend on who asks, and
 * drafts change): `cache-control: no-store` on every one, said once per
 * response. It replaces Apollo's cache-control plugin, which came to the
 * same header by computing a cache policy for every field of every answer
 * (no field carries a hint).
 */
const noStorePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/**
 * An Apollo Server on express for one subgraph, built but not listening
 * (tests, the SDL printer and `index.ts` share it; only `index.ts` listens).
 */
export async function createSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): Promise<SubgraphServer> {
  const service = createHttpService({ bodyLimitBytes: options.bodyLimitBytes, logger: options.logger });
  // Every answer is no-store, so an ETag (express hashes each body for it) would never be used.
  service.app.set('etag', false);
  const apollo = new ApolloServer<TContext>({
    ...HARDENED_APOLLO_SETTINGS,
    schema: options.schema,
    formatError: createErrorMasker(options.logger),
    plugins: [...service.apolloPlugins, ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), noStorePlugin, idempotencyPlugin<TContext>(), ...(options.plugins ?? [])],
  });
  await apollo.start();

  // Liveness and readiness are one question for a subgraph: does its database answer?
  service.app.get(['/health', '/ready'], async (_req, res) => {
    try {
      await options.healthCheck?.();
      res.json({ status: 'ok', service: options.name });
    } catch {
      res.status(503).json({ status: 'unavailable', service: options.name });
    }
  });
  service.serveGraphQL(
    expressMiddleware(apollo, {
      context: async ({ req }) => options.context({ request: req, principal: await principalOf(req, options.verifier) }),
    }),
  );

  return {
    app: service.app,
    httpServer: service.httpServer,
    listen: (port, host) => service.listen(port, host),
    stop: service.stopOnce(async () => {
      await apollo.stop();
      await options.onStop?.();
    }),
  };
}
