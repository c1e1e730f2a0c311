import { closeTestSubgraph, openRoleDataSource, openTestSubgraphDatabase, type TestDatabase } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { napEntities } from '../entities.js';
import { claimDatabaseForCountry } from '../member/member-database.js';
import { MEMBER_APP_ROLE } from '../migrations/1764100000000-row-level-security.js';
import { napMigrations } from '../migrations/index.js';
import { seedDemoMember } from '../seed/seed-demo-member.js';

/**
 * Postgres row-level security, the last line behind the service's own
 * checks: what the database itself allows the role the NAP service runs as.
 */
describe('row-level security of a member database', () => {
  let database: TestDatabase | undefined;
  let owner: DataSource | undefined;
  let app: DataSource | undefined;

  beforeAll(async () => {
    ({ database, dataSource: owner } = await openTestSubgraphDatabase('naprls', napEntities, napMigrations));
    await claimDatabaseForCountry(owner, 'RW');
    // Rwanda's plan (2023–2028) is in force: the seed leaves drafts.
    await seedDemoMember(owner, 'RW', new Date('2026-06-01T00:00:00Z'));
    app = await openRoleDataSource(database.url, napEntities, MEMBER_APP_ROLE);
  });
  afterAll(async () => {
    await app?.destroy();
    await closeTestSubgraph({ dataSource: owner, database });
  });

  const count = async (source: DataSource, sql: string) => ((await source.query(sql)) as { count: number }[])[0]!.count;

  it('serves as a role that owns no table and cannot bypass row-level security', async () => {
    const [role] = (await app!.query(`SELECT current_user AS name, r.rolbypassrls, r.rolsuper FROM pg_roles r WHERE r.rolname = current_user`)) as Record<string, unknown>[];
    expect(role).toEqual({ name: MEMBER_APP_ROLE, rolbypassrls: false, rolsuper: false });
    const owned = (await app!.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`)) as unknown[];
    expect(owned).toEqual([]);
  });

  it('hides drafts unless the session says a focal point of the member is reading', async () => {
    const drafts = `SELECT (SELECT count(*) FROM measurement WHERE status = 'DRAFT') + (SELECT count(*) FROM budget_line WHERE status = 'DRAFT') + (SELECT count(*) FROM progress_report WHERE status = 'DRAFT') AS count`;
    expect(Number(await count(owner!, drafts))).toBeGreaterThan(0);
    expect(Number(await count(app!, drafts))).toBe(0);
    const shown = await app!.transaction(async (manager) => {
      await manager.query(`SELECT set_config('wps.drafts', 'on', true)`);
      return Number(((await manager.query(drafts)) as { count: number }[])[0]!.count);
    });
    expect(shown).toBe(Number(await count(owner!, drafts)));
    // Published rows are readable by everyone.
    expect(Number(await count(app!, `SELECT count(*) AS count FROM measurement`))).toBe(Number(await count(owner!, `SELECT count(*) AS count FROM measurement WHERE status = 'PUBLISHED'`)));
  });

  it('refuses any write whose transaction did not name its actor, and keeps the audit log append-only', async () => {
    const insert = `INSERT INTO national_action_plan (iteration, title, status) VALUES (99, 'Written by a bug', 'DRAFT')`;
    await expect(app!.query(insert)).rejects.toThrow(/row-level security/);
    await expect(app!.query(`UPDATE national_action_plan SET title = 'Changed by a bug'`)).resolves.toEqual([[], 0]);
    expect(await count(owner!, `SELECT count(*)::int AS count FROM national_action_plan WHERE title LIKE '%by a bug%'`)).toBe(0);
    // With an actor (what the service sets after authorising a write), the same insert lands, and is audited.
    await app!.transaction(async (manager) => {
      await manager.query(`SELECT set_config('wps.actor', 'focal-point:RW', true), set_config('wps.action', 'test', true)`);
      await manager.query(insert);
    });
    expect(await count(owner!, `SELECT count(*)::int AS count FROM audit_log WHERE actor = 'focal-point:RW' AND entity = 'national_action_plan'`)).toBe(1);
    await expect(app!.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/permission denied|append-only/);
    await expect(app!.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied|append-only/);
  });
});
