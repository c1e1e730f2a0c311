import { createTokenVerifier, Role, signDevToken, type SubgraphServer } from '@wps/kit';
import { closeTestSubgraph, openTestSubgraphDatabase, postGraphQL, silentLogger as logger, testKeys, type TestDatabase } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { knowledgeEntities } from '../entities.js';
import { knowledgeMigrations } from '../migrations/index.js';
import { seedDemoKnowledge } from '../seed/demo-knowledge.js';
import { seedKnowledgeData } from '../seed/knowledge-data.js';
import { createKnowledgeServer } from '../server.js';

/** A knowledge subgraph for one test file: its own database (migrations, real and demo seed), served over HTTP, verifying tokens. */
export interface KnowledgeHarness {
  url: string;
  dataSource: DataSource;
  /** POST a GraphQL request, as `as` (a token from `token`) or as the public. */
  ask(query: string, variables?: Record<string, unknown>, as?: string): ReturnType<typeof postGraphQL>;
  /** A signed token for a subject with these roles. */
  token(subject: string, roles: Role[]): Promise<string>;
  /** Rows of a table (or any count query) as numbers, to prove a refused write wrote nothing. */
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export async function startKnowledgeHarness(label: string, today: Date = new Date()): Promise<KnowledgeHarness> {
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  let server: SubgraphServer | undefined;
  try {
    ({ database, dataSource } = await openTestSubgraphDatabase(label, knowledgeEntities, knowledgeMigrations));
    await seedKnowledgeData(dataSource);
    await seedDemoKnowledge(dataSource, today);
    const keys = await testKeys();
    server = await createKnowledgeServer({
      dataSource,
      logger,
      verifier: createTokenVerifier({ jwksFile: keys.jwksFile, issuer: 'wps-federation-hub', audience: 'wps-federation-hub' }),
    });
    const url = await server.listen(0);
    const source = dataSource;
    return {
      url,
      dataSource: source,
      ask: (query, variables = {}, as) => postGraphQL(url, query, variables, as ? { authorization: `Bearer ${as}` } : {}),
      token: (subject, roles) => signDevToken(keys.privateKeyFile, { subject, roles }),
      count: async (table) => Number((await source.query(`SELECT count(*)::int AS count FROM ${table}`))[0].count),
      close: () => closeTestSubgraph({ server, dataSource: source, database }),
    };
  } catch (error) {
    await closeTestSubgraph({ server, dataSource, database });
    throw error;
  }
}

export const NETWORK_MEMBER = [Role.NETWORK_MEMBER];
export const NETWORK_ADMIN = [Role.NETWORK_ADMIN];
