import { createDataSource, databaseConfigFrom, databaseEnv } from '@wps/kit';
import { createTestDatabase, type TestDatabase } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { napEntities } from '../entities.js';
import { napMigrations } from '../migrations/index.js';

/**
 * A member's start (migrations, demo seed) does not wait for each commit to
 * reach disk, and the connection it serves with does: what a client is told
 * is saved stays saved.
 */
describe("a member's database connections", () => {
  let database: TestDatabase;
  const opened: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('startupconn');
  });
  afterAll(async () => {
    for (const dataSource of opened) if (dataSource.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  const synchronousCommit = async (startUpOnly: boolean) => {
    const config = databaseConfigFrom(databaseEnv.read({ DATABASE_URL: database.url }));
    const dataSource = createDataSource({ config, entities: napEntities, migrations: napMigrations, applicationName: 'start-up-test', startUpOnly });
    opened.push(dataSource);
    await dataSource.initialize();
    const [row] = (await dataSource.query('SHOW synchronous_commit')) as { synchronous_commit: string }[];
    return row!.synchronous_commit;
  };

  it('commits the start without waiting for the disk, and serves with durable commits', async () => {
    await expect(synchronousCommit(true)).resolves.toBe('off');
    await expect(synchronousCommit(false)).resolves.toBe('on');
  });
});
