import { createLogger, createSubgraphServer, type Logger, type SubgraphServer, type TokenVerifier } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { createNapContext, type NapContext } from './context.js';
import type { DraftKey } from './member/draft-claim.js';
import { buildNapSchema } from './schema.js';

export interface NapServerOptions {
  countryCode: string;
  dataSource: DataSource;
  logger?: Logger;
  /** Verifies bearer tokens; without one the member answers the public only (and refuses tokens). */
  verifier?: TokenVerifier;
  /**
   * The member database's draft key (`readDraftKey`, as the migrations role):
   * the service signs with it the claim its focal points' connections carry.
   * Without it, the database shows them no drafts and refuses every write.
   */
  draftKey?: DraftKey;
}

/** The NAP subgraph of one member state, built but not listening. */
export async function createNapServer(options: NapServerOptions): Promise<SubgraphServer> {
  const { countryCode, dataSource } = options;
  const logger = options.logger ?? createLogger(`nap-${countryCode.toLowerCase()}`);
  return createSubgraphServer<NapContext>({
    name: `nap-${countryCode.toLowerCase()}`,
    schema: await buildNapSchema(),
    logger,
    verifier: options.verifier,
    context: ({ principal }) => createNapContext(dataSource, countryCode, principal, options.draftKey),
    plugins: [
      {
        // Mutations run one after another: the root field being resolved names the write in the audit log.
        async requestDidStart() {
          return {
            // The loaders read what the document asks (common/selection.ts): it is known before any field resolves.
            async didResolveOperation({ contextValue, schema, document }) {
              contextValue.asked.useDocument(schema, document);
            },
            // A focal point's request holds a connection of its own: give it back with the response.
            async willSendResponse({ contextValue }) {
              await contextValue.release();
            },
            // A mutation's only: a query's fields run without a hook (Apollo then calls none per field).
            async executionDidStart({ operation }) {
              if (operation.operation !== 'mutation') return;
              return {
                willResolveField({ contextValue, info }) {
                  if (info.path.prev === undefined && info.parentType.name === 'Mutation') contextValue.rootField = info.fieldName;
                },
              };
            },
          };
        },
      },
    ],
    healthCheck: async () => {
      await dataSource.query('SELECT 1');
    },
    onStop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  });
}
