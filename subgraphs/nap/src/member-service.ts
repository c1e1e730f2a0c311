import { createDataSource, createTokenVerifier, ensureServiceLogin, openDatabase, serviceLoginConfig, type Logger, type RunningService } from '@wps/kit';
import type { NapConfig } from './config.js';
import { napEntities } from './entities.js';
import { readDraftKey } from './member/draft-claim.js';
import { recordFourEyesRule } from './member/four-eyes.js';
import { claimDatabaseForCountry } from './member/member-database.js';
import { napMigrations } from './migrations/index.js';
import { MEMBER_APP_ROLE } from './migrations/1764100000000-row-level-security.js';
import { seedDemoMember } from './seed/seed-demo-member.js';
import { createNapServer } from './server.js';

/** The service name of a member's subgraph (`nap-ke`): its logs, traces and database connections carry it. */
export const napServiceName = (countryCode: string): string => `nap-${countryCode.toLowerCase()}`;

/**
 * Start one member state's subgraph: as the migrations role (the owner), the
 * migrations, the service's login, the country claim, the four-eyes rule, the
 * demo seed and the draft key; then that connection closes and the member
 * serves, logged in as a role that owns nothing and cannot bypass row-level
 * security (DATABASE_APP_URL, or derived). Whatever it opened is closed again
 * if it cannot start. The same for a member in its own process (index.ts) and
 * for one of several in a simulation host (host.ts).
 */
export async function startNapMember(config: NapConfig, logger: Logger): Promise<RunningService> {
  const service = napServiceName(config.countryCode);
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
  const dataSource = createDataSource({ config: serviceLoginConfig(config.database, MEMBER_APP_ROLE), entities: napEntities, migrations: [], applicationName: service });
  await dataSource.initialize();
  let server;
  try {
    server = await createNapServer({ countryCode: config.countryCode, dataSource, logger, verifier: createTokenVerifier(config.auth), draftKey });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  try {
    const url = await server.listen(config.port, config.host);
    return { url, stop: () => server.stop() };
  } catch (error) {
    // The server's stop stops Apollo and closes the data source (a host goes on serving its other members).
    await server.stop();
    throw error;
  }
}
