import './instrument.js';
import 'reflect-metadata';
import { createDataSource, createLogger, createTokenVerifier, ensureServiceLogin, HUB_SERVICE_ROLE, openDatabase, runService, serviceLoginConfig } from '@wps/kit';
import { loadKnowledgeConfig } from './config.js';
import { knowledgeEntities } from './entities.js';
import { knowledgeMigrations } from './migrations/index.js';
import { seedDemoKnowledge } from './seed/demo-knowledge.js';
import { seedKnowledgeData } from './seed/knowledge-data.js';
import { createKnowledgeServer } from './server.js';

const config = loadKnowledgeConfig(process.env);
const logger = createLogger('knowledge', config.logLevel, config.logFormat);

void runService('knowledge', logger, async () => {
  // As the owner of the tables: migrations and seeds; then that connection closes.
  const dataSource = await openDatabase({ config: config.database, entities: knowledgeEntities, migrations: knowledgeMigrations, applicationName: 'knowledge-migrate', startUpOnly: true }, logger);
  const seeded = await seedKnowledgeData(dataSource);
  logger.info(`knowledge data: ${seeded.sessions} sessions, ${seeded.practices} practices, ${seeded.resources} resources`);
  if (config.seedDemo) {
    const demo = await seedDemoKnowledge(dataSource);
    logger.info(`demo knowledge: ${demo.practices} practices, ${demo.sessions} sessions, ${demo.threads} forum threads, ${demo.focalPoints} focal points`);
  }
  await ensureServiceLogin((sql, parameters) => dataSource.query(sql, parameters), config.database, HUB_SERVICE_ROLE);
  await dataSource.destroy();
  // Serving: logged in as a role that owns nothing (DATABASE_APP_URL, or derived from DATABASE_URL).
  const serving = createDataSource({ config: serviceLoginConfig(config.database, HUB_SERVICE_ROLE), entities: knowledgeEntities, migrations: [], applicationName: 'knowledge' });
  await serving.initialize();
  const server = await createKnowledgeServer({ dataSource: serving, logger, verifier: createTokenVerifier(config.auth) });
  const url = await server.listen(config.port, config.host);
  return { url, stop: () => server.stop() };
});
