import 'reflect-metadata';
import { createLogger, createTokenVerifier, openDatabase, runService } from '@wps/kit';
import { loadKnowledgeConfig } from './config.js';
import { knowledgeEntities } from './entities.js';
import { knowledgeMigrations } from './migrations/index.js';
import { seedDemoKnowledge } from './seed/demo-knowledge.js';
import { seedKnowledgeData } from './seed/knowledge-data.js';
import { createKnowledgeServer } from './server.js';

const config = loadKnowledgeConfig(process.env);
const logger = createLogger('knowledge', config.logLevel);

void runService('knowledge', logger, async () => {
  const dataSource = await openDatabase({ config: config.database, entities: knowledgeEntities, migrations: knowledgeMigrations, applicationName: 'knowledge' }, logger);
  const seeded = await seedKnowledgeData(dataSource);
  logger.info(`knowledge data: ${seeded.sessions} sessions, ${seeded.practices} practices, ${seeded.resources} resources`);
  if (config.seedDemo) {
    const demo = await seedDemoKnowledge(dataSource);
    logger.info(`demo knowledge: ${demo.practices} practices, ${demo.sessions} sessions, ${demo.threads} forum threads, ${demo.focalPoints} focal points`);
  }
  const server = await createKnowledgeServer({ dataSource, logger, verifier: createTokenVerifier(config.auth) });
  const url = await server.listen(config.port, config.host);
  return { url, stop: () => server.stop() };
});
