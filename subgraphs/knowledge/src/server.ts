import { createLogger, createSubgraphServer, type Logger, type SubgraphServer } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { createKnowledgeContext, type KnowledgeContext } from './context.js';
import { buildKnowledgeSchema } from './schema.js';

export interface KnowledgeServerOptions {
  dataSource: DataSource;
  logger?: Logger;
}

/** The knowledge subgraph, built but not listening. */
export async function createKnowledgeServer(options: KnowledgeServerOptions): Promise<SubgraphServer> {
  const { dataSource } = options;
  return createSubgraphServer<KnowledgeContext>({
    name: 'knowledge',
    schema: await buildKnowledgeSchema(),
    logger: options.logger ?? createLogger('knowledge'),
    context: async () => createKnowledgeContext(dataSource),
    healthCheck: async () => {
      await dataSource.query('SELECT 1');
    },
    onStop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  });
}
