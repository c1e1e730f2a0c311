import './instrument.js';
import 'reflect-metadata';
import { createDataSource, createLogger, createTokenVerifier, ensureServiceLogin, HUB_SERVICE_ROLE, openDatabase, runService, serviceLoginConfig } from '@wps/kit';
import { loadRegionalConfig } from './config.js';
import { regionalEntities } from './entities.js';
import { regionalMigrations } from './migrations/index.js';
import { bootstrapMembers, registryOn } from './registry/registry.service.js';
import { loadDemoCataloguesWhereMissing } from './catalogue/demo-catalogue.js';
import { seedPublicRecord } from './public-record/public-record.seed.js';
import { seedRegionalCommunities } from './regional-community/regional-community.seed.js';
import { seedReferenceData } from './seed/reference-data.js';
import { seedReportingCycles } from './reporting/reporting-cycle.seed.js';
import { createRegionalServer } from './server.js';

const config = loadRegionalConfig(process.env);
const logger = createLogger('regional', config.logLevel, config.logFormat);

void runService('regional', logger, async () => {
  // As the owner of the tables: migrations, reference data, the public record and the registry seed; then that connection closes.
  const dataSource = await openDatabase({ config: config.database, entities: regionalEntities, migrations: regionalMigrations, applicationName: 'regional-migrate', startUpOnly: true }, logger);
  const reference = await seedReferenceData(dataSource);
  logger.info(`reference data: ${reference.countries} countries, ${reference.memberships} memberships`);
  const record = await seedPublicRecord(dataSource);
  logger.info(`public record: ${record.iterations} NAPs of ${record.states} states, ${record.auChanges} AU status changes`);
  const communities = await seedRegionalCommunities(dataSource);
  logger.info(`regional communities: ${communities.communities} with ${communities.members} memberships and ${communities.changes} dated changes, ${communities.plans} regional action plans`);
  logger.info(`reporting cycles: ${await seedReportingCycles(dataSource)}`);
  const demoCatalogues = await loadDemoCataloguesWhereMissing(dataSource);
  if (demoCatalogues.length > 0) logger.info(`loaded the illustrative demo catalogue for ${demoCatalogues.join(', ')}`);
  if (config.registrySeed) {
    await bootstrapMembers(registryOn(dataSource, config.memberEndpoints), config.registrySeed, config.registrySeedExclusive);
    logger.info(`registered members: ${config.registrySeed.map((member) => member.countryCode).join(', ') || 'none'}`);
  }
  await ensureServiceLogin((sql, parameters) => dataSource.query(sql, parameters), config.database, HUB_SERVICE_ROLE);
  await dataSource.destroy();
  // Serving: logged in as a role that owns nothing (DATABASE_APP_URL, or derived from DATABASE_URL).
  const serving = createDataSource({ config: serviceLoginConfig(config.database, HUB_SERVICE_ROLE), entities: regionalEntities, migrations: [], applicationName: 'regional' });
  await serving.initialize();
  const server = await createRegionalServer({ dataSource: serving, logger, verifier: createTokenVerifier(config.auth), memberEndpoints: config.memberEndpoints });
  const url = await server.listen(config.port, config.host);
  return { url, stop: () => server.stop() };
});
