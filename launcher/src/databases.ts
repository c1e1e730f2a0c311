import pg from 'pg';

/** The URL of database `name` on the same server as `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Create the databases that do not exist yet (a second start reuses them). */
export async function ensureDatabases(adminUrl: string, names: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [names]);
    const present = new Set(existing.rows.map((row) => row.datname));
    const created: string[] = [];
    for (const name of names) {
      if (present.has(name)) continue;
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      created.push(name);
    }
    return created;
  } finally {
    await client.end();
  }
}

/** Drop databases (tests clean up after themselves). */
export async function dropDatabases(adminUrl: string, names: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The database names of a network: one per member, one for regional, one for knowledge. */
export function networkDatabaseNames(prefix: string, members: readonly string[]) {
  return {
    member: (code: string) => `${prefix}_nap_${code.toLowerCase()}`,
    regional: `${prefix}_regional`,
    knowledge: `${prefix}_knowledge`,
    all: [...members.map((code) => `${prefix}_nap_${code.toLowerCase()}`), `${prefix}_regional`, `${prefix}_knowledge`],
  };
}
