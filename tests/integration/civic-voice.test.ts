import { Role, signDevToken } from '@wps/kit';
import { databaseUrl } from '@wps/launcher';
import { postGraphQL, startTestNetwork, testAdminUrl, type TestNetwork } from '@wps/tests';
import pg from 'pg';

const REGISTER = `mutation ($input: RegisterCivicAuthorInput!) { registerCivicAuthor(input: $input) { subject } }`;
const DRAFT = `mutation ($input: DraftCivicStatementInput!) { draftCivicStatement(input: $input) { id } }`;
const PUBLISH = `mutation ($id: ID!) { publishCivicStatement(id: $id) { id status } }`;
const REVISE = `mutation ($id: ID!) { reviseCivicStatement(id: $id, input: { title: "Nothing to report here", body: "All is well." }) { id } }`;
const DELETE = `mutation ($id: ID!) { deleteCivicStatementDraft(id: $id) }`;
const KENYA_PLAN = `{ country(code: "KE") { currentActionPlan { id title civicStatements { id title organisation authorKind } } } }`;
const BY_COUNTRY = `{ civicStatements(countryCode: "KE") { id title organisation target targetId } country(code: "KE") { civicStatements { id } } }`;

/**
 * Issue 13, item 3: a CSO's shadow report on Kenya's plan is kept by the
 * hub (the knowledge subgraph), not by Kenya: Kenya's focal point can
 * neither change nor delete it, and the public reads it while Kenya's
 * subgraph is down.
 */
describe('a shadow report on a member state\'s plan', () => {
  let hub: TestNetwork;
  let statementId: string;
  let planId: string;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'civicvoice', members: ['KE'], env: { MEMBER_TIMEOUT_MS: '1500' } });
  });
  afterAll(() => hub?.stop());

  const sign = (subject: string, roles: Role[], country?: string) => signDevToken(hub.keys.privateKeyFile, { subject, roles, country });
  const ask = async (query: string, variables: Record<string, unknown> = {}, token?: string) =>
    (await postGraphQL(hub.gatewayUrl, query, variables, token ? { authorization: `Bearer ${token}` } : {})).body;

  it('is published by a registered CSO through the gateway, and the public reads it on the plan', async () => {
    const admin = await sign('civic-admin', [Role.NETWORK_ADMIN]);
    expect((await ask(REGISTER, { input: { subject: 'cso:fida-kenya', organisation: 'Women lawyers of Kenya (demo organisation)', kind: 'CSO', countryCode: 'KE' } }, admin)).errors).toBeUndefined();
    const plan = await ask(KENYA_PLAN);
    planId = plan.data!.country.currentActionPlan.id;
    const cso = await sign('cso:fida-kenya', [Role.CSO]);
    const drafted = await ask(DRAFT, { input: { kind: 'SHADOW_REPORT', countryCode: 'KE', target: 'PLAN', targetId: planId, title: 'Shadow report on Kenya\'s NAP', body: 'Budget lines for county plans are missing.' } }, cso);
    expect(drafted.errors).toBeUndefined();
    statementId = drafted.data!.draftCivicStatement.id;
    expect((await ask(KENYA_PLAN)).data!.country.currentActionPlan.civicStatements).toEqual([]);
    expect((await ask(PUBLISH, { id: statementId }, cso)).data!.publishCivicStatement.status).toBe('PUBLISHED');

    const read = await ask(KENYA_PLAN);
    expect(read.errors).toBeUndefined();
    expect(read.data!.country.currentActionPlan.civicStatements).toEqual([
      { id: statementId, title: 'Shadow report on Kenya\'s NAP', organisation: 'Women lawyers of Kenya (demo organisation)', authorKind: 'CSO' },
    ]);
  });

  it("cannot be changed or deleted by Kenya's focal point (FORBIDDEN)", async () => {
    const kenya = await sign('focal-point-ke', [Role.FOCAL_POINT], 'KE');
    for (const query of [REVISE, DELETE]) {
      const body = await ask(query, { id: statementId }, kenya);
      expect(body.errors![0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await ask(BY_COUNTRY)).data!.civicStatements.map((statement: { id: string }) => statement.id)).toEqual([statementId]);
  });

  it("takes the state's answer into Kenya's own database, and shows it beside the statement", async () => {
    const answer = `mutation ($id: ID!) { answerCivicStatement(countryCode: "KE", statementId: $id, body: "County budgets are in the 2025/26 estimates.") { body respondedBy } }`;
    const nigeria = await ask(answer, { id: statementId }, await sign('focal-point-ng', [Role.FOCAL_POINT], 'NG'));
    expect(nigeria.errors![0].extensions.code).toBe('FORBIDDEN');
    const kenya = await ask(answer, { id: statementId }, await sign('focal-point-ke', [Role.FOCAL_POINT], 'KE'));
    expect(kenya.errors).toBeUndefined();
    expect(kenya.data!.answerCivicStatement).toEqual({ body: 'County budgets are in the 2025/26 estimates.', respondedBy: 'Focal point, Kenya' });
    const read = await ask(`{ civicStatements(countryCode: "KE") { id stateResponses { body respondedBy } } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data!.civicStatements).toEqual([{ id: statementId, stateResponses: [{ body: 'County budgets are in the 2025/26 estimates.', respondedBy: 'Focal point, Kenya' }] }]);
    const kenyaDatabase = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), hub.network.databases.find((name) => name.endsWith('_nap_ke'))!) });
    await kenyaDatabase.connect();
    try {
      const { rows } = await kenyaDatabase.query(`SELECT statement_id, body FROM civic_response`);
      expect(rows).toEqual([{ statement_id: statementId, body: 'County budgets are in the 2025/26 estimates.' }]);
      const audited = await kenyaDatabase.query(`SELECT actor FROM audit_log WHERE entity = 'civic_response'`);
      expect(audited.rows).toEqual([{ actor: 'focal-point-ke' }]);
    } finally {
      await kenyaDatabase.end();
    }
  });

  it("stays readable by the public while Kenya's subgraph is down", async () => {
    await hub.network.members.get('KE')!.stop();
    const body = await ask(BY_COUNTRY);
    expect(body.errors).toBeUndefined();
    expect(body.data!.civicStatements).toEqual([
      { id: statementId, title: 'Shadow report on Kenya\'s NAP', organisation: 'Women lawyers of Kenya (demo organisation)', target: 'PLAN', targetId: planId },
    ]);
    expect(body.data!.country.civicStatements).toEqual([{ id: statementId }]);
    // Asked with the state's answers, which only Kenya serves: the statement stands, its answers are null, and one error names Kenya.
    const answered = await ask(`{ civicStatements(countryCode: "KE") { id title stateResponses { body } } }`);
    expect(answered.data!.civicStatements).toEqual([{ id: statementId, title: 'Shadow report on Kenya\'s NAP', stateResponses: null }]);
    expect(answered.errors!.map((error) => [error.extensions.code, error.extensions.country])).toEqual([['MEMBER_UNAVAILABLE', 'KE']]);
    const plan = await ask(KENYA_PLAN);
    expect(plan.errors!.some((error) => error.extensions.code === 'MEMBER_UNAVAILABLE')).toBe(true);
  });
});

/**
 * Issue 13: whether the plan a statement is about exists is Kenya's answer,
 * asked by the gateway at read time; it never decides whether the statement
 * stands (SECURITY.md).
 */
describe("the plan a civic statement is about, as the member serves it", () => {
  let hub: TestNetwork;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'civictarget', members: ['KE'], env: { MEMBER_TIMEOUT_MS: '1500' } });
  });
  afterAll(() => hub?.stop());

  const sign = (subject: string, roles: Role[], country?: string) => signDevToken(hub.keys.privateKeyFile, { subject, roles, country });
  const ask = async (query: string, variables: Record<string, unknown> = {}, token?: string) =>
    (await postGraphQL(hub.gatewayUrl, query, variables, token ? { authorization: `Bearer ${token}` } : {})).body;
  const TARGETS = `{ civicStatements(countryCode: "KE") { id title targetPlan { id title } } }`;

  it("shows the plan a statement is about as Kenya serves it, null for an id Kenya does not have, and keeps both statements while Kenya is down", async () => {
    const admin = await sign('civic-admin', [Role.NETWORK_ADMIN]);
    expect((await ask(REGISTER, { input: { subject: 'cso:target-check', organisation: 'Target check network (demo organisation)', kind: 'CSO', countryCode: 'KE' } }, admin)).errors).toBeUndefined();
    const plan = (await ask(KENYA_PLAN)).data!.country.currentActionPlan as { id: string; title: string };
    const cso = await sign('cso:target-check', [Role.CSO]);
    const publish = async (title: string, targetId: string) => {
      const drafted = await ask(DRAFT, { input: { kind: 'COMMENT', countryCode: 'KE', target: 'PLAN', targetId, title, body: 'A comment.' } }, cso);
      expect(drafted.errors).toBeUndefined();
      const id = drafted.data!.draftCivicStatement.id as string;
      expect((await ask(PUBLISH, { id }, cso)).data!.publishCivicStatement.status).toBe('PUBLISHED');
      return id;
    };
    const onPlan = await publish('A comment on the current plan', plan.id);
    // Published although Kenya has no such plan: the member is not asked at publish.
    const onNothing = await publish('A comment on a plan Kenya does not have', '00000000-0000-4000-8000-000000000000');

    const read = await ask(TARGETS);
    expect(read.errors).toBeUndefined();
    const byId = (statements: { id: string }[]) => Object.fromEntries(statements.map((statement) => [statement.id, statement]));
    expect(byId(read.data!.civicStatements)).toEqual({
      [onPlan]: { id: onPlan, title: 'A comment on the current plan', targetPlan: { id: plan.id, title: plan.title } },
      [onNothing]: { id: onNothing, title: 'A comment on a plan Kenya does not have', targetPlan: null },
    });

    await hub.network.members.get('KE')!.stop();
    const offline = await ask(TARGETS);
    expect(byId(offline.data!.civicStatements)).toEqual({
      [onPlan]: { id: onPlan, title: 'A comment on the current plan', targetPlan: null },
      [onNothing]: { id: onNothing, title: 'A comment on a plan Kenya does not have', targetPlan: null },
    });
    expect(offline.errors!.some((error) => error.extensions.code === 'MEMBER_UNAVAILABLE')).toBe(true);
  });
});
