import './instrument.js';
import 'reflect-metadata';
import { createDataSource, createLogger, createTokenVerifier, ensureServiceLogin, openDatabase, runService, serviceLoginConfig } from '@wps/kit';
import { loadNapConfig } from './config.js';
import { napEntities } from './entities.js';
import { readDraftKey } from './member/draft-claim.js';
import { recordFourEyesRule } from './member/four-eyes.js';
import { claimDatabaseForCountry } from './member/member-database.js';
import { napMigrations } from './migrations/index.js';
import { MEMBER_APP_ROLE } from './migrations/1764100000000-row-level-security.js';
import { seedDemoMember } from './seed/seed-demo-member.js';
import { createNapServer } from './server.js';

const config = loadNapConfig(process.env);
const service = `nap-${config.countryCode.toLowerCase()}`;
const logger = createLogger(service, config.logLevel, config.logFormat);

void runService(service, logger, async () => {
  // As the migrations role (the owner): migrations, the service's login, the country claim, the demo seed and
  // the draft key; then the connection closes, and the service never logs in as the owner again.
  const owner = await openDatabase({ config: config.database, entities: napEntities, migrations: napMigrations, applicationName: `${service}-migrate`, startUpOnly: true }, logger);
  let draftKey;
  try {
    await ensureServiceLogin((sql, parameters) => owner.query(sql, parameters), config.database, MEMBER_APP_ROLE);
    await claimDatabaseForCountry(owner, config.countryCode);
    await recordFourEyesRule(owner, config.fourEyes);
    if (config.seedDemo) {
      const seeded = await seedDemoMember(owner, config.countryCode, new Date(), { synthetic: config.seedSynthetic });
      if (seeded) logger.info(`seeded demo data: ${seeded.plans} plans, ${seeded.indicators} indicators, ${seeded.measurements} measurements`);
      else logger.info('no demo data seeded (the database has plans already, or data/ has no NAP history of this state)');
    }
    draftKey = await readDraftKey(owner);
  } finally {
    await owner.destroy();
  }
  // Serving: logged in as a role that owns nothing and cannot bypass row-level security (DATABASE_APP_URL, or derived).
  const dataSource = createDataSource({ config: serviceLoginConfig(config.database, MEMBER_APP_ROLE), entities: napEntities, migrations: [], applicationName: service });
  await dataSource.initialize();
  const server = await createNapServer({ countryCode: config.countryCode, dataSource, logger, verifier: createTokenVerifier(config.auth), draftKey });
  const url = await server.listen(config.port, config.host);
  return { url, stop: () => server.stop() };
});
