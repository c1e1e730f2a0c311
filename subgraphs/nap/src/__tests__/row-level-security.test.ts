import { closeTestSubgraph, openRoleDataSource, openTestSubgraphDatabase, type TestDatabase } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { napEntities } from '../entities.js';
import { FOCAL_POINT_CLAIM_SETTING, readDraftKey, signFocalPointClaim, type DraftKey } from '../member/draft-claim.js';
import { claimDatabaseForCountry } from '../member/member-database.js';
import { MEMBER_APP_ROLE } from '../migrations/1764100000000-row-level-security.js';
import { napMigrations } from '../migrations/index.js';
import { seedDemoMember } from '../seed/seed-demo-member.js';
import { uuidFromName } from '@wps/kit';
import { PublicationStatus, ReportKind } from '../common/enums.js';
import { FollowUpActionEntity } from '../follow-up/follow-up.entity.js';
import { FollowUpStatus } from '../follow-up/follow-up.type.js';
import { ReportRecommendationEntity } from '../report/recommendation.entity.js';
import { ProgressReportEntity } from '../report/report.entity.js';

/**
 * Postgres row-level security, the last line behind the service's own
 * checks: what the database itself allows the role the NAP service runs as.
 */
describe('row-level security of a member database', () => {
  let database: TestDatabase | undefined;
  let owner: DataSource | undefined;
  let app: DataSource | undefined;
  let key: DraftKey;

  beforeAll(async () => {
    ({ database, dataSource: owner } = await openTestSubgraphDatabase('naprls', napEntities, napMigrations));
    await claimDatabaseForCountry(owner, 'RW');
    // Rwanda's plan (2023–2028) is in force: the seed leaves drafts.
    await seedDemoMember(owner, 'RW', new Date('2026-06-01T00:00:00Z'));
    app = await openRoleDataSource(database.url, napEntities, MEMBER_APP_ROLE);
    key = await readDraftKey(owner);
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

  /** Run `work` in a transaction of the app whose session carries `claim(pid)` (the service's focal-point session). */
  const withClaim = <T>(claim: (pid: number) => string, work: (manager: import('typeorm').EntityManager) => Promise<T>) =>
    app!.transaction(async (manager) => {
      const [{ pid }] = (await manager.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[];
      await manager.query(`SELECT set_config('${FOCAL_POINT_CLAIM_SETTING}', $1, true)`, [claim(pid)]);
      return work(manager);
    });
  const drafts = `SELECT (SELECT count(*) FROM measurement WHERE status = 'DRAFT') + (SELECT count(*) FROM budget_line WHERE status = 'DRAFT') + (SELECT count(*) FROM progress_report WHERE status = 'DRAFT') AS count`;
  const countIn = async (manager: import('typeorm').EntityManager, sql: string) => Number(((await manager.query(sql)) as { count: number }[])[0]!.count);

  it('hides drafts unless the session carries a claim signed for its own connection with the member database key', async () => {
    const all = Number(await count(owner!, drafts));
    expect(all).toBeGreaterThan(0);
    expect(Number(await count(app!, drafts))).toBe(0);
    // The old switch, set by hand, shows nothing any more.
    expect(await app!.transaction(async (manager) => {
      await manager.query(`SELECT set_config('wps.drafts', 'on', true)`);
      return countIn(manager, drafts);
    })).toBe(0);
    // Forged claims: a wrong MAC, another connection's pid, an expired one, a key of one's own.
    const other = { inner: Buffer.alloc(64, 1), outer: Buffer.alloc(64, 2) };
    expect(await withClaim((pid) => signFocalPointClaim(key, pid).replace(/.$/, (last) => (last === '0' ? '1' : '0')), (manager) => countIn(manager, drafts))).toBe(0);
    expect(await withClaim((pid) => signFocalPointClaim(key, pid + 1), (manager) => countIn(manager, drafts))).toBe(0);
    expect(await withClaim((pid) => signFocalPointClaim(key, pid, Date.now() - 3_600_000), (manager) => countIn(manager, drafts))).toBe(0);
    expect(await withClaim((pid) => signFocalPointClaim(other, pid), (manager) => countIn(manager, drafts))).toBe(0);
    // The service's own claim for this connection shows every draft.
    expect(await withClaim((pid) => signFocalPointClaim(key, pid), (manager) => countIn(manager, drafts))).toBe(all);
    // Published rows are readable by everyone.
    expect(Number(await count(app!, `SELECT count(*) AS count FROM measurement`))).toBe(Number(await count(owner!, `SELECT count(*) AS count FROM measurement WHERE status = 'PUBLISHED'`)));
  });

  it("shows a draft budget line's disbursements only to a claimed session, and a published line's to everyone", async () => {
    const ofPublished = `SELECT count(*) AS count FROM disbursement d JOIN budget_line l ON l.id = d.budget_line_id WHERE l.status = 'PUBLISHED'`;
    const all = Number(await count(owner!, `SELECT count(*) AS count FROM disbursement`));
    expect(all).toBeGreaterThan(Number(await count(owner!, ofPublished)));
    expect(Number(await count(app!, `SELECT count(*) AS count FROM disbursement`))).toBe(Number(await count(owner!, ofPublished)));
    expect(await withClaim((pid) => signFocalPointClaim(key, pid), (manager) => countIn(manager, `SELECT count(*) AS count FROM disbursement`))).toBe(all);
    await expect(app!.query(`INSERT INTO disbursement (id, budget_line_id, disbursed_on, amount, recipient_type, recorded_by) SELECT gen_random_uuid(), id, '2024-01-01', 1, 'CSO', 'x' FROM budget_line LIMIT 1`)).rejects.toThrow(/row-level security/);
  });

  it("shows a draft report's recommendations and their follow-up actions only to a claimed session, and a published report's to everyone", async () => {
    // A draft report of Rwanda's plan in force, with a recommendation, its decision and a follow-up action.
    const [plan] = (await owner!.query(`SELECT id FROM national_action_plan ORDER BY iteration DESC LIMIT 1`)) as { id: string }[];
    const [partner] = (await owner!.query(`SELECT id FROM implementing_partner WHERE plan_id = $1 LIMIT 1`, [plan!.id])) as { id: string }[];
    const ids = { report: uuidFromName('naprls:draft-report'), recommendation: uuidFromName('naprls:draft-recommendation'), action: uuidFromName('naprls:draft-action') };
    await owner!.getRepository(ProgressReportEntity).insert({
      id: ids.report, planId: plan!.id, kind: ReportKind.ANNUAL, title: 'Draft annual report 2026', periodStart: 2026, periodEnd: 2026, status: PublicationStatus.DRAFT,
      findings: ['Not yet published'], publishedAt: null, publishedBy: null, isDemo: true, createdAt: new Date(),
    });
    await owner!.getRepository(ReportRecommendationEntity).insert({ id: ids.recommendation, reportId: ids.report, position: 0, text: 'A draft recommendation', decision: 'A draft decision', decidedOn: null, decidedBy: null });
    await owner!.getRepository(FollowUpActionEntity).insert({
      id: ids.action, recommendationId: ids.recommendation, description: 'A draft follow-up action', responsiblePartnerId: partner!.id, dueOn: '2027-06-30', status: FollowUpStatus.PLANNED, completedOn: null, isDemo: true,
    });
    const ofPublished = {
      report_recommendation: `SELECT count(*) AS count FROM report_recommendation r JOIN progress_report p ON p.id = r.report_id WHERE p.status = 'PUBLISHED'`,
      follow_up_action: `SELECT count(*) AS count FROM follow_up_action a JOIN report_recommendation r ON r.id = a.recommendation_id JOIN progress_report p ON p.id = r.report_id WHERE p.status = 'PUBLISHED'`,
    };
    for (const [table, published] of Object.entries(ofPublished)) {
      const all = Number(await count(owner!, `SELECT count(*) AS count FROM ${table}`));
      const visible = Number(await count(owner!, published));
      expect(visible).toBeGreaterThan(0);
      expect(all).toBeGreaterThan(visible);
      expect(Number(await count(app!, `SELECT count(*) AS count FROM ${table}`))).toBe(visible);
      expect(await withClaim((pid) => signFocalPointClaim(key, pid), (manager) => countIn(manager, `SELECT count(*) AS count FROM ${table}`))).toBe(all);
    }
    expect(await app!.query(`SELECT id FROM report_recommendation WHERE id = $1 UNION ALL SELECT id FROM follow_up_action WHERE id = $2`, [ids.recommendation, ids.action])).toEqual([]);
  });

  it('keeps the draft key from the role the service runs as', async () => {
    await expect(app!.query(`SELECT * FROM member_draft_key`)).rejects.toThrow(/permission denied/);
  });

  it('refuses any write but a claimed session\'s whose transaction named its actor, and keeps the audit log append-only', async () => {
    const insert = `INSERT INTO national_action_plan (iteration, title, status) VALUES (99, 'Written by a bug', 'DRAFT')`;
    await expect(app!.query(insert)).rejects.toThrow(/row-level security/);
    await expect(app!.query(`UPDATE national_action_plan SET title = 'Changed by a bug'`)).resolves.toEqual([[], 0]);
    expect(await count(owner!, `SELECT count(*)::int AS count FROM national_action_plan WHERE title LIKE '%by a bug%'`)).toBe(0);
    // An actor alone (a setting any role can set) is not enough: the session must carry the service's claim.
    await expect(app!.transaction(async (manager) => {
      await manager.query(`SELECT set_config('wps.actor', 'focal-point:RW', true), set_config('wps.action', 'test', true)`);
      await manager.query(insert);
    })).rejects.toThrow(/row-level security/);
    // With the claim and an actor (what the service sets after authorising a write), the same insert lands, and is audited.
    await withClaim((pid) => signFocalPointClaim(key, pid), async (manager) => {
      await manager.query(`SELECT set_config('wps.actor', 'focal-point:RW', true), set_config('wps.action', 'test', true)`);
      await manager.query(insert);
    });
    expect(await count(owner!, `SELECT count(*)::int AS count FROM audit_log WHERE actor = 'focal-point:RW' AND entity = 'national_action_plan'`)).toBe(1);
    await expect(app!.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/permission denied|append-only/);
    await expect(app!.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied|append-only/);
  });
});
