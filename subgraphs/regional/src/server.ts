import { createLogger, createSubgraphServer, type EndpointPolicy, type Logger, type SubgraphServer, type TokenVerifier } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { createRegionalContext, type RegionalContext } from './context.js';
import { buildRegionalSchema } from './schema.js';

export interface RegionalServerOptions {
  dataSource: DataSource;
  logger?: Logger;
  /** Verifies bearer tokens; without one the service answers the public only. */
  verifier?: TokenVerifier;
  /** Which addresses a registered member endpoint may resolve to (default: public addresses only). */
  memberEndpoints?: EndpointPolicy;
}

/** The regional subgraph, built but not listening. */
export async function createRegionalServer(options: RegionalServerOptions): Promise<SubgraphServer> {
  const { dataSource } = options;
  return createSubgraphServer<RegionalContext>({
    name: 'regional',
    schema: await buildRegionalSchema(),
    logger: options.logger ?? createLogger('regional'),
    verifier: options.verifier,
    context: async ({ principal }) => createRegionalContext(dataSource, principal, options.memberEndpoints),
    healthCheck: async () => {
      await dataSource.query('SELECT 1');
    },
    onStop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  });
}
