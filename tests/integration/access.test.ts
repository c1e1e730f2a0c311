import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createSubgraphServer, ensureDevKeys, Role, signDevToken, type SubgraphServer, type TokenClaims } from '@wps/kit';
import { databaseUrl, REPO_ROOT } from '@wps/launcher';
import { createHubClient, MembersDocument, RegisterMemberDocument } from '@wps/sdk';
import { postGraphQL, silentLogger, startTestNetwork, testAdminUrl, waitFor, type TestNetwork } from '@wps/tests';
import { parse } from 'graphql';
import pg from 'pg';

/**
 * Who may read what (issue 6, ARCHITECTURE.md section 5), over real
 * processes: drafts stay with the member's own focal points, through every
 * door; a bad token is refused, never downgraded to public; the gateway
 * forwards the token and nothing else of the client's request.
 */
describe('access to member data', () => {
  let hub: TestNetwork;
  let recorder: SubgraphServer | undefined;
  const sign = (claims: TokenClaims) => signDevToken(hub.keys.privateKeyFile, claims);
  const bearer = async (claims: TokenClaims) => ({ authorization: `Bearer ${await sign(claims)}` });
  const analyst: TokenClaims = { subject: 'analyst:au', roles: [Role.REGIONAL_ANALYST], orgs: ['AU'] };
  const rwandaFocalPoint: TokenClaims = { subject: 'focal-point:RW', roles: [Role.FOCAL_POINT], country: 'RW' };

  /** Rwanda's drafts, straight from its database: a measurement, a budget line and a report. */
  let drafts: { measurement: { id: string; indicator_id: string }; budgetLine: string; report: string; plan: string };

  beforeAll(async () => {
    // Rwanda's demo plan (2023–2028) is in force: the seed leaves drafts of the current year.
    hub = await startTestNetwork({ label: 'access', members: ['RW'], env: { REGISTRY_REFRESH_MS: '300' } });
    const database = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), hub.network.databases.find((name) => name.endsWith('_nap_rw'))!) });
    await database.connect();
    const one = async <T>(sql: string) => (await database.query(sql)).rows[0] as T;
    drafts = {
      measurement: await one(`SELECT id, indicator_id FROM measurement WHERE status = 'DRAFT' LIMIT 1`),
      budgetLine: (await one<{ id: string }>(`SELECT id FROM budget_line WHERE status = 'DRAFT' LIMIT 1`)).id,
      report: (await one<{ id: string }>(`SELECT id FROM progress_report WHERE status = 'DRAFT' LIMIT 1`)).id,
      plan: (await one<{ id: string }>(`SELECT id FROM national_action_plan ORDER BY iteration DESC LIMIT 1`)).id,
    };
    await database.end();
    expect(drafts.measurement && drafts.budgetLine && drafts.report).toBeTruthy();
  });
  afterAll(async () => {
    await recorder?.stop();
    await hub?.stop();
  });

  const PLAN = /* GraphQL */ `query ($plan: ID!, $indicator: ID!) {
    actionPlan(countryCode: "RW", id: $plan) { budgetLines { id status } reports { id status } }
    indicator(countryCode: "RW", id: $indicator) { measurements { id status } latestMeasurement { id status } }
  }`;
  const ENTITIES = /* GraphQL */ `query ($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Measurement { id status } ... on BudgetLine { id publication: status } ... on ProgressReport { id publication: status } } }`;
  const draftRepresentations = () => [
    { __typename: 'Measurement', countryCode: 'RW', id: drafts.measurement.id },
    { __typename: 'BudgetLine', countryCode: 'RW', id: drafts.budgetLine },
    { __typename: 'ProgressReport', countryCode: 'RW', id: drafts.report },
  ];
  const idsIn = (data: Record<string, any>) =>
    [
      ...data.actionPlan.budgetLines.map((line: { id: string }) => line.id),
      ...data.actionPlan.reports.map((report: { id: string }) => report.id),
      ...data.indicator.measurements.map((measurement: { id: string }) => measurement.id),
      data.indicator.latestMeasurement?.id,
    ].filter(Boolean);

  it('never shows a regional analyst a draft through root fields, nor the public', async () => {
    for (const headers of [await bearer(analyst), {}]) {
      const { status, body } = await postGraphQL(hub.gatewayUrl, PLAN, { plan: drafts.plan, indicator: drafts.measurement.indicator_id }, headers);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const ids = idsIn(body.data!);
      for (const draft of [drafts.measurement.id, drafts.budgetLine, drafts.report]) expect(ids).not.toContain(draft);
      expect(JSON.stringify(body.data)).not.toContain('"DRAFT"');
    }
  });

  it("never resolves a draft for a regional analyst through the member's _entities, the second door", async () => {
    const member = hub.network.members.get('RW')!.url;
    const { body } = await postGraphQL(member, ENTITIES, { representations: draftRepresentations() }, await bearer(analyst));
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([null, null, null]);
  });

  it("shows the member's own focal point its drafts, through both doors", async () => {
    const headers = await bearer(rwandaFocalPoint);
    const viaGateway = await postGraphQL(hub.gatewayUrl, PLAN, { plan: drafts.plan, indicator: drafts.measurement.indicator_id }, headers);
    expect(viaGateway.body.errors).toBeUndefined();
    expect(idsIn(viaGateway.body.data!)).toEqual(expect.arrayContaining([drafts.budgetLine, drafts.report]));
    const viaEntities = await postGraphQL(hub.network.members.get('RW')!.url, ENTITIES, { representations: draftRepresentations() }, headers);
    expect(viaEntities.body.errors).toBeUndefined();
    expect(viaEntities.body.data!._entities.map((entity: { status?: string; publication?: string } | null) => entity?.status ?? entity?.publication)).toEqual(['DRAFT', 'DRAFT', 'DRAFT']);
  });

  it('refuses an expired, wrongly signed or wrong-audience token with UNAUTHENTICATED, at the gateway and at the member, even for public data', async () => {
    const stranger = await ensureDevKeys(path.join(REPO_ROOT, '.data', 'test-keys-stranger'));
    const tokens = [
      await sign({ ...analyst, expiresIn: '-1h' }),
      await signDevToken(stranger.privateKeyFile, analyst),
      await sign({ ...analyst, audience: 'another-hub' }),
      'not-a-jwt',
    ];
    for (const token of tokens) {
      for (const url of [hub.gatewayUrl, hub.network.members.get('RW')!.url]) {
        const { status, body } = await postGraphQL(url, '{ actionPlans(countryCode: "RW") { id } }', {}, { authorization: `Bearer ${token}` });
        expect([url === hub.gatewayUrl ? 'gateway' : 'member', status, body.errors?.[0]?.extensions?.code, body.data ?? null]).toEqual([
          url === hub.gatewayUrl ? 'gateway' : 'member',
          401,
          'UNAUTHENTICATED',
          null,
        ]);
      }
    }
  });

  it('forwards a token only to the member where it gives rights (its own focal point), and no other header of the client\'s request', async () => {
    // A member serving the contract that records the headers it receives.
    const received: Record<string, string | string[] | undefined>[] = [];
    const contract = readFileSync(path.join(REPO_ROOT, 'subgraphs', 'nap', 'schema.graphql'), 'utf8');
    const schema = buildSubgraphSchema({
      typeDefs: parse(contract),
      resolvers: { Country: { __resolveReference: (reference: { code: string }) => ({ code: reference.code }), currentActionPlan: () => null } } as never,
    });
    recorder = await createSubgraphServer({
      name: 'recorder',
      schema,
      logger: silentLogger,
      // Accept and record every request (a real member verifies the token; this one only looks at headers).
      context: async ({ request }) => {
        received.push({ ...request.headers });
        return {};
      },
      verifier: { verify: async () => ({ subject: 'any', roles: [], country: null, orgs: [], anonymous: false }) },
    });
    const url = await recorder.listen(0);
    const admin = createHubClient({ url: hub.gatewayUrl, token: await sign({ subject: 'hub-admin', roles: [Role.HUB_ADMIN] }) });
    expect((await admin.execute(RegisterMemberDocument, { input: { countryCode: 'UG', endpoint: url } })).errors).toEqual([]);
    expect(await waitFor(async () => (await admin.execute(MembersDocument, {})).data!.members.some((member) => member.countryCode === 'UG' && member.lastCheckedAt), 10_000)).toBe(true);

    const clientHeaders = { cookie: 'session=secret', 'x-forwarded-for': '203.0.113.7', 'x-custom': 'client value', referer: 'https://evil.example.com/' };
    const QUERY = '{ country(code: "UG") { code currentActionPlan { title } } }';
    const forwardedFor = async (claims: TokenClaims) => {
      received.length = 0;
      const headers = { ...(await bearer(claims)), ...clientHeaders };
      const { body } = await postGraphQL(hub.gatewayUrl, QUERY, {}, headers);
      expect(body.errors).toBeUndefined();
      expect(received).toHaveLength(1);
      for (const name of Object.keys(clientHeaders)) expect([name, received[0]![name]]).toEqual([name, undefined]);
      return { sent: headers.authorization, forwarded: received[0]!.authorization };
    };

    // Uganda's own focal point: the member needs the token (drafts, writes), and gets it.
    const own = await forwardedFor({ subject: 'focal-point:UG', roles: [Role.FOCAL_POINT], country: 'UG' });
    expect(own.forwarded).toBe(own.sent);
    // Anyone else reads public data there: Uganda never holds a token it could replay at another member.
    expect((await forwardedFor(analyst)).forwarded).toBeUndefined();
    expect((await forwardedFor(rwandaFocalPoint)).forwarded).toBeUndefined();

    // Rwanda's focal point writing to Uganda is refused at the gateway: nothing, token included, reaches Uganda.
    received.length = 0;
    const write = await postGraphQL(hub.gatewayUrl, 'mutation { createActionPlan(countryCode: "UG", input: { iteration: 1, title: "Not yours" }) { id } }', {}, await bearer(rwandaFocalPoint));
    expect(write.body.errors!.map((error) => error.extensions)).toEqual([{ code: 'FORBIDDEN', country: 'UG' }]);
    expect(received).toEqual([]);
  });
});
