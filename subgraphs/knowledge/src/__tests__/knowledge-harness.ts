import { Role } from '@wps/kit';
import { silentLogger as logger, startSubgraphHarness, type SubgraphHarness } from '@wps/tests';
import { knowledgeEntities } from '../entities.js';
import { knowledgeMigrations } from '../migrations/index.js';
import { seedDemoKnowledge } from '../seed/demo-knowledge.js';
import { seedKnowledgeData } from '../seed/knowledge-data.js';
import { createKnowledgeServer } from '../server.js';

/** A knowledge subgraph for one test file: its own database (migrations, real and demo seed), served over HTTP, verifying tokens. */
export interface KnowledgeHarness extends SubgraphHarness {
  /** A signed token for a subject with these roles. */
  token(subject: string, roles: Role[]): Promise<string>;
}

export async function startKnowledgeHarness(label: string, today: Date = new Date()): Promise<KnowledgeHarness> {
  const harness = await startSubgraphHarness({
    label,
    entities: knowledgeEntities,
    migrations: knowledgeMigrations,
    prepare: async (dataSource) => {
      await seedKnowledgeData(dataSource);
      await seedDemoKnowledge(dataSource, today);
    },
    server: ({ dataSource, verifier }) => createKnowledgeServer({ dataSource, logger, verifier }),
  });
  return { ...harness, token: (subject, roles) => harness.sign({ subject, roles }) };
}

export const NETWORK_MEMBER = [Role.NETWORK_MEMBER];
export const NETWORK_ADMIN = [Role.NETWORK_ADMIN];
