import { ANONYMOUS, HUB_SERVICE_ROLE, Role } from '@wps/kit';
import { openRoleDataSource } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { knowledgeEntities } from '../../entities.js';
import { NETWORK_ADMIN, startKnowledgeHarness, type KnowledgeHarness } from '../../__tests__/knowledge-harness.js';
import { demoPlanId } from '../../seed/demo-civic-voice.js';
import { readableStatementsQuery } from '../civic-voice.service.js';

const KENYA_PLAN = '7d0a6f9e-2f5b-5a51-9d0e-3c1b6a9b2c11';
const REGISTER = `mutation ($input: RegisterCivicAuthorInput!) { registerCivicAuthor(input: $input) { subject organisation kind countryCode } }`;
const DRAFT = `mutation ($input: DraftCivicStatementInput!) { draftCivicStatement(input: $input) { id status organisation authorKind countryCode target targetId publishedAt } }`;
const PUBLISH = `mutation ($id: ID!) { publishCivicStatement(id: $id) { id status publishedAt } }`;
const REVISE = `mutation ($id: ID!, $input: ReviseCivicStatementInput!) { reviseCivicStatement(id: $id, input: $input) { id title } }`;
const DELETE = `mutation ($id: ID!) { deleteCivicStatementDraft(id: $id) }`;
const READ = `query ($countryCode: String!) { civicStatements(countryCode: $countryCode) { id title status organisation } }`;

const shadowReport = (title = 'Shadow report on the second NAP') => ({
  kind: 'SHADOW_REPORT',
  countryCode: 'KE',
  target: 'PLAN',
  targetId: KENYA_PLAN,
  title,
  body: 'County action plans exist on paper in few counties; women mediators report no budget line.',
  sourceUrl: 'https://example.org/shadow-report.pdf',
});

describe('civic statements: shadow reports and comments by civil society and parliaments', () => {
  let hub: KnowledgeHarness;
  let cso: string;
  let kenyaFocalPoint: string;

  beforeAll(async () => {
    hub = await startKnowledgeHarness('knowcivic');
    const admin = await hub.token('admin-1', NETWORK_ADMIN);
    const registered = await hub.ask(REGISTER, { input: { subject: 'cso:women-peace-ke', organisation: 'Women Peace Network Kenya (demo)', kind: 'CSO', countryCode: 'KE' } }, admin);
    expect(registered.body.errors).toBeUndefined();
    cso = await hub.token('cso:women-peace-ke', [Role.CSO]);
    kenyaFocalPoint = await hub.sign({ subject: 'focal-point-ke', roles: [Role.FOCAL_POINT], country: 'KE' });
  });
  afterAll(() => hub?.close());

  it('keeps a draft to its author, then shows the published statement to the public under the organisation\'s name', async () => {
    const drafted = await hub.ask(DRAFT, { input: shadowReport() }, cso);
    expect(drafted.body.errors).toBeUndefined();
    const { id, status, organisation, authorKind } = drafted.body.data!.draftCivicStatement;
    expect({ status, organisation, authorKind }).toEqual({ status: 'DRAFT', organisation: 'Women Peace Network Kenya (demo)', authorKind: 'CSO' });
    expect((await hub.ask(READ, { countryCode: 'KE' })).body.data!.civicStatements).toEqual([]);
    expect((await hub.ask(READ, { countryCode: 'KE' }, cso)).body.data!.civicStatements.map((s: { id: string }) => s.id)).toEqual([id]);

    const published = await hub.ask(PUBLISH, { id }, cso);
    expect(published.body.errors).toBeUndefined();
    expect(published.body.data!.publishCivicStatement.status).toBe('PUBLISHED');
    const publicRead = await hub.ask(READ, { countryCode: 'KE' });
    expect(publicRead.body.data!.civicStatements).toEqual([{ id, title: 'Shadow report on the second NAP', status: 'PUBLISHED', organisation: 'Women Peace Network Kenya (demo)' }]);
    expect(await auditActions(hub.dataSource, id)).toEqual(['draftCivicStatement', 'publishCivicStatement']);
  });

  it("refuses the state's focal point any change or deletion of a published statement (FORBIDDEN), and fixes it for its author too", async () => {
    const id = await publishedStatement('Second shadow report on the NAP');
    for (const [query, variables] of [[REVISE, { id, input: { title: 'Nothing to see here', body: 'All is well.' } }], [DELETE, { id }]] as const) {
      const state = await hub.ask(query, variables, kenyaFocalPoint);
      expect(state.body.errors![0].extensions.code).toBe('FORBIDDEN');
      const author = await hub.ask(query, variables, cso);
      expect(author.body.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const after = await hub.dataSource.query(`SELECT title, status FROM civic_statement WHERE id = $1`, [id]);
    expect(after).toEqual([{ title: 'Second shadow report on the NAP', status: 'PUBLISHED' }]);
  });

  it('lets only a registered CSO or parliament write, and tells nobody else that a draft exists', async () => {
    const unregistered = await hub.ask(DRAFT, { input: shadowReport() }, await hub.token('cso:not-registered', [Role.CSO]));
    expect(unregistered.body.errors![0].extensions.code).toBe('FORBIDDEN');
    const focalPoint = await hub.ask(DRAFT, { input: shadowReport() }, kenyaFocalPoint);
    expect(focalPoint.body.errors![0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await hub.ask(DRAFT, { input: shadowReport() });
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');

    const draft = (await hub.ask(DRAFT, { input: shadowReport('A draft nobody else sees') }, cso)).body.data!.draftCivicStatement.id as string;
    const other = await hub.ask(DELETE, { id: draft }, kenyaFocalPoint);
    expect(other.body.errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await hub.ask(DELETE, { id: draft }, cso)).body.data!.deleteCivicStatementDraft).toBe(true);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const before = await hub.count('civic_statement');
    for (const [change, field] of [
      [{ countryCode: 'Kenya' }, 'input.countryCode'],
      [{ targetId: 'not-an-id' }, 'input.targetId'],
      [{ title: '   ' }, 'input.title'],
      [{ sourceUrl: 'javascript:alert(1)' }, 'input.sourceUrl'],
    ] as const) {
      const { body } = await hub.ask(DRAFT, { input: { ...shadowReport(), ...change } }, cso);
      expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await hub.count('civic_statement')).toBe(before);
  });

  it('is refused by the database too: the service login can neither change, delete nor empty a published statement', async () => {
    const id = await publishedStatement('Third shadow report on the NAP');
    const login: DataSource = await openRoleDataSource(hub.database.url, knowledgeEntities, HUB_SERVICE_ROLE);
    try {
      await expect(login.query(`UPDATE civic_statement SET body = 'rewritten' WHERE id = $1`, [id])).rejects.toThrow(/cannot be changed or deleted/);
      await expect(login.query(`DELETE FROM civic_statement WHERE id = $1`, [id])).rejects.toThrow(/cannot be changed or deleted/);
      await expect(login.query(`TRUNCATE civic_statement CASCADE`)).rejects.toThrow(/permission denied|cannot be emptied/);
    } finally {
      await login.destroy();
    }
    expect(await hub.dataSource.query(`SELECT count(*)::int AS n FROM civic_statement WHERE id = $1`, [id])).toEqual([{ n: 1 }]);
  });

  it('finds a statement by id through the primary key index, and reads a malformed id as no statement', async () => {
    const id = await publishedStatement('Fourth shadow report on the NAP');
    const query = readableStatementsQuery(ANONYMOUS, 'id', [id, 'not-a-uuid'])!;
    const runner = hub.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      // The table is tiny: without this the planner reads it whole anyway. Off, it still must when no index fits the condition.
      await runner.query('SET LOCAL enable_seqscan = off');
      const plan = (await runner.query(`EXPLAIN ${query.sql}`, query.parameters)).map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index Scan using civic_statement_pkey/);
      expect(plan).toMatch(/Index Cond: \(id = ANY/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    const READ_ONE = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on CivicStatement { id title } } }`;
    const { body } = await hub.ask(READ_ONE, {
      representations: [
        { __typename: 'CivicStatement', countryCode: 'KE', id },
        { __typename: 'CivicStatement', countryCode: 'KE', id: 'not-a-uuid' },
      ],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([{ id, title: 'Fourth shadow report on the NAP' }, null]);
  });

  it('names its target by the member\'s key, for the gateway to ask the member: the plan of a PLAN statement, no plan for a REPORT one', async () => {
    const id = await publishedStatement('Fifth shadow report on the NAP');
    const report = (await hub.ask(DRAFT, { input: { ...shadowReport('A comment on the progress report'), kind: 'COMMENT', target: 'REPORT' } }, cso)).body.data!.draftCivicStatement.id as string;
    const { body } = await hub.ask(`{ civicStatements(countryCode: "KE") { id targetPlan { countryCode id } targetReport { countryCode id } } }`, {}, cso);
    expect(body.errors).toBeUndefined();
    const read = Object.fromEntries(body.data!.civicStatements.map((statement: { id: string }) => [statement.id, statement]));
    expect(read[id]).toEqual({ id, targetPlan: { countryCode: 'KE', id: KENYA_PLAN }, targetReport: null });
    expect(read[report]).toEqual({ id: report, targetPlan: null, targetReport: { countryCode: 'KE', id: KENYA_PLAN } });
  });

  it("shows the demo network's published statements on Nigeria's demo plans, flagged isDemo, under fictional organisations' names", async () => {
    const { body } = await hub.ask(`{ civicStatements(countryCode: "NG") { kind status isDemo organisation target targetId } }`);
    expect(body.errors).toBeUndefined();
    const statements: { kind: string; status: string; isDemo: boolean; organisation: string; target: string; targetId: string }[] = body.data!.civicStatements;
    expect(statements.length).toBeGreaterThanOrEqual(3);
    for (const statement of statements) {
      expect(statement).toMatchObject({ status: 'PUBLISHED', isDemo: true, target: 'PLAN' });
      expect(statement.organisation).toMatch(/^Demo .*\(fictional\)$/);
    }
    expect(new Set(statements.map((statement) => statement.targetId))).toEqual(new Set([demoPlanId('NG', 'latest'), demoPlanId('NG', 'previous')]));
    expect(new Set(statements.map((statement) => statement.kind))).toEqual(new Set(['SHADOW_REPORT', 'COMMENT']));
    const mine = await hub.ask(`{ civicStatements(countryCode: "KE") { isDemo } }`);
    expect(mine.body.data!.civicStatements.every((statement: { isDemo: boolean }) => !statement.isDemo)).toBe(true);
    expect(await hub.dataSource.query(`SELECT count(*)::int AS n FROM civic_author WHERE is_demo`)).toEqual([{ n: 2 }]);
  });

  async function publishedStatement(title: string): Promise<string> {
    const id = (await hub.ask(DRAFT, { input: shadowReport(title) }, cso)).body.data!.draftCivicStatement.id as string;
    expect((await hub.ask(PUBLISH, { id }, cso)).body.errors).toBeUndefined();
    return id;
  }
});

async function auditActions(dataSource: DataSource, entityId: string): Promise<string[]> {
  const rows: { action: string }[] = await dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [entityId]);
  return rows.map((row) => row.action);
}
