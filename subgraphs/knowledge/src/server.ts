import { createLogger, createSubgraphServer, type Logger, type SubgraphServer, type TokenVerifier } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { createKnowledgeContext, type KnowledgeContext } from './context.js';
import { buildKnowledgeSchema } from './schema.js';
import { addSessionCalendarRoute } from './session/session-ics.route.js';

export interface KnowledgeServerOptions {
  dataSource: DataSource;
  logger?: Logger;
  /** Verifies bearer tokens; without one the service answers the public only. */
  verifier?: TokenVerifier;
}

/** The knowledge subgraph (GraphQL at /graphql, session calendars at /sessions/{id}.ics), built but not listening. */
export async function createKnowledgeServer(options: KnowledgeServerOptions): Promise<SubgraphServer> {
  const { dataSource } = options;
  const server = await createSubgraphServer<KnowledgeContext>({
    name: 'knowledge',
    schema: await buildKnowledgeSchema(),
    logger: options.logger ?? createLogger('knowledge'),
    verifier: options.verifier,
    context: async ({ principal }) => createKnowledgeContext(dataSource, principal),
    healthCheck: async () => {
      await dataSource.query('SELECT 1');
    },
    onStop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  });
  addSessionCalendarRoute(server.app, dataSource);
  return server;
}
