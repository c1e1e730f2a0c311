import { createLogger, createSubgraphServer, type Logger, type SubgraphServer } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { createNapContext, type NapContext } from './context.js';
import { buildNapSchema } from './schema.js';

export interface NapServerOptions {
  countryCode: string;
  dataSource: DataSource;
  logger?: Logger;
}

/** The NAP subgraph of one member state, built but not listening. */
export async function createNapServer(options: NapServerOptions): Promise<SubgraphServer> {
  const { countryCode, dataSource } = options;
  const logger = options.logger ?? createLogger(`nap-${countryCode.toLowerCase()}`);
  return createSubgraphServer<NapContext>({
    name: `nap-${countryCode.toLowerCase()}`,
    schema: await buildNapSchema(),
    logger,
    context: async () => createNapContext(dataSource, countryCode),
    healthCheck: async () => {
      await dataSource.query('SELECT 1');
    },
    onStop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  });
}
