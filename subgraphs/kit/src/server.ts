import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ANONYMOUS, type Principal } from './auth/principal.js';
import type { TokenVerifier } from './auth/token-verifier.js';
import { jsonBodyErrorHandler } from './body-errors.js';
import { createErrorMasker } from './errors.js';
import { ErrorCode, HubError } from './hub-error.js';
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
  /** Answers GET /health: resolve when the service can serve (its database is reachable). */
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
 * An Apollo Server on express for one subgraph, built but not listening
 * (tests, the SDL printer and `index.ts` share it; only `index.ts` listens).
 */
export async function createSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): Promise<SubgraphServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createErrorMasker(options.logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    // runService owns SIGINT/SIGTERM and stops things in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5_000 }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    try {
      await options.healthCheck?.();
      res.json({ status: 'ok', service: options.name });
    } catch {
      res.status(503).json({ status: 'unavailable', service: options.name });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimitBytes ?? 1_048_576 }),
    expressMiddleware(apollo, {
      context: async ({ req }) => options.context({ request: req, principal: await principalOf(req, options.verifier) }),
    }),
  );

  app.use(jsonBodyErrorHandler(options.bodyLimitBytes ?? 1_048_576));

  let stopped = false;
  return {
    app,
    httpServer,
    async listen(port, host = '127.0.0.1') {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      const address = httpServer.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return `http://${shownHost}:${address.port}/graphql`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await apollo.stop();
      await options.onStop?.();
    },
  };
}
