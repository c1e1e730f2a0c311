import { randomBytes } from 'node:crypto';
import { databaseUrl, dropDatabases, ensureDatabases } from '@wps/launcher';

/** The Postgres the test run uses (set by jest global setup). */
export function testAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test` (jest global setup provides it)');
  return url;
}

/** A unique database-name prefix for one test file, always containing "test". */
export function testPrefix(label: string): string {
  return `wps_test_${label.replace(/[^a-z0-9]/g, '')}_${randomBytes(3).toString('hex')}`;
}

/** Refuse to touch a database whose name does not say it is a test database. */
export function assertTestDatabaseName(name: string): void {
  if (!name.includes('test')) throw new Error(`refusing to use database "${name}": test databases must have "test" in their name`);
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the test server; `drop()` removes it. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = testPrefix(label);
  assertTestDatabaseName(name);
  const admin = testAdminUrl();
  await ensureDatabases(admin, [name]);
  return { name, url: databaseUrl(admin, name), drop: () => dropDatabases(admin, [name]) };
}
