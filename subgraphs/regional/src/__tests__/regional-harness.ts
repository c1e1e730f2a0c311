import { openRoleDataSource, silentLogger as logger, startSubgraphHarness, type SubgraphHarness } from '@wps/tests';
import { regionalEntities } from '../entities.js';
import { regionalMigrations } from '../migrations/index.js';
import { bootstrapMembers, registryOn, type MemberRegistration, type Registry } from '../registry/registry.service.js';
import { seedPublicRecord } from '../public-record/public-record.seed.js';
import { seedRegionalCommunities } from '../regional-community/regional-community.seed.js';
import { seedReferenceData } from '../seed/reference-data.js';
import { createRegionalServer } from '../server.js';

export interface RegionalHarnessOptions {
  label: string;
  /** Members registered at start, as REGISTRY_SEED does (exclusive). */
  members?: MemberRegistration[];
  /** Verify bearer tokens (off by default: the public's view). */
  verifyTokens?: boolean;
}

/** A regional subgraph for one test file: its own database with the reference data and members registered, served over HTTP. */
export interface RegionalHarness extends SubgraphHarness {
  registry: Registry;
  /** Another server on the same database, verifying the test run's tokens (stopping it closes its own connection). */
  openGuardedServer(): ReturnType<typeof createRegionalServer>;
}

export async function startRegionalHarness(options: RegionalHarnessOptions): Promise<RegionalHarness> {
  const harness = await startSubgraphHarness({
    label: options.label,
    entities: regionalEntities,
    migrations: regionalMigrations,
    prepare: async (dataSource) => {
      await seedReferenceData(dataSource);
      await seedPublicRecord(dataSource);
      await seedRegionalCommunities(dataSource);
      await bootstrapMembers(registryOn(dataSource), options.members ?? [], true);
    },
    server: async ({ dataSource, verifier }) => createRegionalServer({ dataSource, logger, verifier: options.verifyTokens ? verifier : undefined }),
  });
  return {
    ...harness,
    registry: registryOn(harness.dataSource),
    openGuardedServer: async () =>
      createRegionalServer({ dataSource: await openRoleDataSource(harness.database.url, regionalEntities, undefined), logger, verifier: await harness.verifier() }),
  };
}
