import 'reflect-metadata';
import { createDataSource, createLogger, createTokenVerifier, openDatabase, runService } from '@wps/kit';
import { loadNapConfig } from './config.js';
import { napEntities } from './entities.js';
import { claimDatabaseForCountry } from './member/member-database.js';
import { napMigrations } from './migrations/index.js';
import { MEMBER_APP_ROLE } from './migrations/1764100000000-row-level-security.js';
import { seedDemoMember } from './seed/seed-demo-member.js';
import { createNapServer } from './server.js';

const config = loadNapConfig(process.env);
const service = `nap-${config.countryCode.toLowerCase()}`;
const logger = createLogger(service, config.logLevel);

void runService(service, logger, async () => {
  // As the database owner: migrations, the country claim and the demo seed; then the connection closes.
  const owner = await openDatabase({ config: config.database, entities: napEntities, migrations: napMigrations, applicationName: `${service}-migrate` }, logger);
  try {
    await claimDatabaseForCountry(owner, config.countryCode);
    if (config.seedDemo) {
      const seeded = await seedDemoMember(owner, config.countryCode, new Date(), { synthetic: config.seedSynthetic });
      if (seeded) logger.info(`seeded demo data: ${seeded.plans} plans, ${seeded.indicators} indicators, ${seeded.measurements} measurements`);
      else logger.info('no demo data seeded (the database has plans already, or data/ has no NAP history of this state)');
    }
  } finally {
    await owner.destroy();
  }
  // Serving: as a role that owns no table and cannot bypass row-level security.
  const dataSource = createDataSource({ config: config.database, entities: napEntities, migrations: napMigrations, applicationName: service, role: MEMBER_APP_ROLE });
  await dataSource.initialize();
  const server = await createNapServer({ countryCode: config.countryCode, dataSource, logger, verifier: createTokenVerifier(config.auth) });
  const url = await server.listen(config.port, config.host);
  return { url, stop: () => server.stop() };
});
