import path from 'node:path';
import { REPO_ROOT, SERVICE_SCRIPTS, spawnService, type ServiceProcess } from '@wps/launcher';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { testKeys } from './test-network.js';

export interface ExtraMember {
  countryCode: string;
  url: string;
  process: ServiceProcess;
  database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * A member state's NAP subgraph started on its own, outside any network (as
 * a state would run it before registering with the hub): its own process and
 * database, seeded with its demo plan.
 */
export async function startExtraMember(countryCode: string): Promise<ExtraMember> {
  const database = await createTestDatabase(`extra${countryCode.toLowerCase()}`);
  const keys = await testKeys();
  const member = await spawnService({
    name: `nap-${countryCode.toLowerCase()}-extra`,
    script: SERVICE_SCRIPTS.nap,
    logDir: path.join(REPO_ROOT, '.data', 'test-logs', database.name),
    env: { ...process.env, NAP_COUNTRY_CODE: countryCode, PORT: '0', SEED_DEMO: 'true', DATABASE_URL: database.url, AUTH_JWKS_FILE: keys.jwksFile, LOG_LEVEL: 'warn' },
  });
  return {
    countryCode,
    url: member.url,
    process: member,
    database,
    async stop() {
      await member.stop();
      await database.drop();
    },
  };
}
