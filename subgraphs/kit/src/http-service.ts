import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import { jsonBodyErrorHandler } from './body-errors.js';
import type { Logger } from './logger.js';
import { httpMetricsMiddleware } from './metrics.js';
import { traceContextMiddleware } from './tracing.js';

/** Where every hub service answers GraphQL. */
export const GRAPHQL_PATH = '/graphql';

/** Largest request body a service accepts unless told otherwise (1 MiB). */
export const DEFAULT_BODY_LIMIT_BYTES = 1_048_576;

/**
 * Apollo Server settings every hub service runs with: no stack traces in
 * responses, CSRF prevention, no batched requests, no automatic persisted
 * queries (a client cannot fill the cache), and no signal handlers
 * (runService owns SIGINT/SIGTERM and stops things in order).
 */
export const HARDENED_APOLLO_SETTINGS = {
  includeStacktraceInErrorResponses: false,
  csrfPrevention: true,
  allowBatchedHttpRequests: false,
  persistedQueries: false,
  stopOnTerminationSignals: false,
} as const;

export interface HttpServiceOptions {
  /** Largest accepted JSON body, in bytes (default 1 MiB). */
  bodyLimitBytes?: number;
  /** Where each GraphQL request is logged, at debug level, with its trace id (see requestLogPlugin). */
  logger?: Logger;
}

/**
 * One debug line per GraphQL request when it is answered: the operation's
 * name, how long it took and how many errors it carried, never its
 * variables or headers (they may hold personal data or a token). It is
 * written in the request's trace context, so it carries the trace id the
 * caller's `traceparent` named.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors?.length ?? 0) : 0;
          logger.debug('graphql request', { operation: operationName ?? request.operationName ?? null, durationMs: Math.round(performance.now() - started), errors });
        },
      };
    },
  };
}

/**
 * The HTTP side of a hub service, shared by the gateway and the subgraphs:
 * an express app (no `x-powered-by`), its http.Server, the JSON body limit
 * with body errors answered as GraphQL errors, listen returning the URL, and
 * a stop that runs once.
 */
export interface HttpService {
  readonly app: express.Express;
  readonly httpServer: http.Server;
  /**
   * Plugins every Apollo Server of the hub starts with: drain this server's
   * connections on stop (5 s grace), no landing page, no usage reporting.
   */
  readonly apolloPlugins: ApolloServerPlugin<BaseContext>[];
  /**
   * Serve GraphQL at /graphql: `before` (e.g. CORS), then the JSON body
   * parser with the limit, then the request's trace context (its
   * `traceparent`), then `handler`. A body over the limit is a 413,
   * malformed JSON a 400, both as a GraphQL-shaped error.
   */
  serveGraphQL(handler: express.RequestHandler, before?: express.RequestHandler[]): void;
  /** Bind the port (0 = any free one) and return the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  /** A stop that runs `steps` on its first call; later calls wait for the same stop. */
  stopOnce(steps: () => Promise<void>): () => Promise<void>;
}

export function createHttpService(options: HttpServiceOptions = {}): HttpService {
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const app = express();
  app.disable('x-powered-by');
  app.use(httpMetricsMiddleware());
  const httpServer = http.createServer(app);
  return {
    app,
    httpServer,
    apolloPlugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 5_000 }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ...(options.logger ? [requestLogPlugin(options.logger)] : []),
    ],
    serveGraphQL(handler, before = []) {
      app.use(GRAPHQL_PATH, ...before, express.json({ limit: bodyLimitBytes }), traceContextMiddleware(), handler);
      app.use(jsonBodyErrorHandler(bodyLimitBytes));
    },
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
      return `http://${shownHost}:${address.port}${GRAPHQL_PATH}`;
    },
    stopOnce(steps) {
      let stopping: Promise<void> | undefined;
      return () => (stopping ??= steps());
    },
  };
}
