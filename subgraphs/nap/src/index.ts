import 'reflect-metadata';
import { createLogger, createTokenVerifier, openDatabase, runService } from '@wps/kit';
import { loadNapConfig } from './config.js';
import { napEntities } from './entities.js';
import { claimDatabaseForCountry } from './member/member-database.js';
import { napMigrations } from './migrations/index.js';
import { seedDemoMember } from './seed/seed-demo-member.js';
import { createNapServer } from './server.js';

const config = loadNapConfig(process.env);
const service = `nap-${config.countryCode.toLowerCase()}`;
const logger = createLogger(service, config.logLevel);

void runService(service, logger, async () => {
  const dataSource = await openDatabase({ config: config.database, entities: napEntities, migrations: napMigrations, applicationName: service }, logger);
  await claimDatabaseForCountry(dataSource, config.countryCode);
  if (config.seedDemo) {
    const seeded = await seedDemoMember(dataSource, config.countryCode);
    if (seeded) logger.info(`seeded demo data: ${seeded.plans} plans, ${seeded.indicators} indicators, ${seeded.measurements} measurements`);
  }
  const server = await createNapServer({ countryCode: config.countryCode, dataSource, logger, verifier: createTokenVerifier(config.auth) });
  const url = await server.listen(config.port, config.host);
  return { url, stop: () => server.stop() };
});
