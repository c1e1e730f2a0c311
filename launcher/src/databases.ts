import { HUB_SERVICES } from '@wps/data';
import { databaseConfigFrom, databaseEnv, ensureServiceLogin } from '@wps/kit';
import pg from 'pg';

/** The role every member's NAP service logs in as (its privileges come from the NAP migrations). */
export const MEMBER_SERVICE_ROLE = 'wps_member_app';

/**
 * Create the services' login roles once per cluster, before any member
 * starts: roles are cluster-wide, and members migrating at once (issue 11
 * starts 55) then find their login ready and change no catalogue row. The
 * password is derived from the admin URL's (kit `deriveServicePassword`),
 * as each member derives it from its own DATABASE_URL, which is on the same
 * server with the same credentials.
 */
export async function ensureServiceRoles(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const config = databaseConfigFrom(databaseEnv.read({ DATABASE_URL: adminUrl }));
    await ensureServiceLogin(async (sql, parameters) => (await client.query(sql, parameters as unknown[])).rows, config, MEMBER_SERVICE_ROLE);
  } finally {
    await client.end();
  }
}

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

/**
 * The database names of a network, from each service's database need
 * (data/workspaces.json): one per member for the NAP subgraph, one each for
 * the services with their own (regional, knowledge).
 */
export function networkDatabaseNames(prefix: string, members: readonly string[]) {
  const member = (code: string) => `${prefix}_nap_${code.toLowerCase()}`;
  const own = (name: string) => `${prefix}_${name}`;
  const all = HUB_SERVICES.flatMap((service) =>
    service.database === 'per-member' ? members.map(member) : service.database === 'own' ? [own(service.name)] : [],
  );
  return { member, regional: own('regional'), knowledge: own('knowledge'), all };
}
