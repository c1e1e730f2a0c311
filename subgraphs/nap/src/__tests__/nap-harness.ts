import { memberAudience, Role } from '@wps/kit';
import { openRoleDataSource, silentLogger as logger, startSubgraphHarness, type SubgraphHarness } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { napEntities } from '../entities.js';
import { readDraftKey } from '../member/draft-claim.js';
import { claimDatabaseForCountry } from '../member/member-database.js';
import { MEMBER_APP_ROLE } from '../migrations/1764100000000-row-level-security.js';
import { napMigrations } from '../migrations/index.js';
import { createNapServer } from '../server.js';

export interface NapHarnessOptions {
  /** Names the test database. */
  label: string;
  /** The member state this deployment serves (default KE); its database is claimed for it. */
  countryCode?: string;
  /** Seed the claimed database before the server starts (e.g. the demo history). */
  seed?(dataSource: DataSource, countryCode: string): Promise<unknown>;
  /** Verify bearer tokens (default); without, the member answers the public only and refuses tokens. */
  verifyTokens?: boolean;
}

/**
 * One member state's NAP subgraph for a test file, as the service runs it:
 * its own database, claimed for its country, served logged in as the role
 * that owns no table and cannot bypass row-level security, with the draft
 * key the service reads at its start.
 */
export interface NapHarness extends SubgraphHarness {
  countryCode: string;
  /** A token of the member's own focal point, for the member's audience (nap:<CC>) as the gateway obtains it: the one principal who may write. */
  focalPoint: string;
  /** Another server on the same database, as the role the service runs as, with database variables of the kit (e.g. DB_POOL_MAX). */
  openServer(env?: Record<string, string>): ReturnType<typeof createNapServer>;
}

export async function startNapHarness(options: NapHarnessOptions): Promise<NapHarness> {
  const countryCode = options.countryCode ?? 'KE';
  const verifyTokens = options.verifyTokens ?? true;
  const harness = await startSubgraphHarness({
    label: options.label,
    // A member accepts only tokens for its own audience: what the issuer mints for its focal points by token exchange.
    audience: memberAudience(countryCode),
    entities: napEntities,
    migrations: napMigrations,
    prepare: async (dataSource) => {
      await claimDatabaseForCountry(dataSource, countryCode);
      await options.seed?.(dataSource, countryCode);
    },
    server: async ({ database, dataSource, verifier }) =>
      createNapServer({
        countryCode,
        dataSource: await openRoleDataSource(database.url, napEntities, MEMBER_APP_ROLE),
        logger,
        verifier: verifyTokens ? verifier : undefined,
        draftKey: await readDraftKey(dataSource),
      }),
  });
  return {
    ...harness,
    countryCode,
    focalPoint: await harness.sign({ subject: `focal-point:${countryCode}`, roles: [Role.FOCAL_POINT], country: countryCode }),
    openServer: async (env = {}) =>
      createNapServer({
        countryCode,
        dataSource: await openRoleDataSource(harness.database.url, napEntities, MEMBER_APP_ROLE, undefined, env),
        logger,
        verifier: verifyTokens ? await harness.verifier() : undefined,
        draftKey: await readDraftKey(harness.dataSource),
      }),
  };
}
