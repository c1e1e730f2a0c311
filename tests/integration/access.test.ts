import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createSubgraphServer, createTokenVerifier, decodeTokenClaims, ensureDevKeys, memberAudience, Role, signDevToken, type SubgraphServer, type TokenClaims } from '@wps/kit';
import { databaseUrl, REPO_ROOT } from '@wps/launcher';
import { createHubClient, MembersDocument, RegisterMemberDocument } from '@wps/sdk';
import { askIssuer, memberTokenFor, postGraphQL, silentLogger, startTestNetwork, testAdminUrl, waitFor, type TestNetwork } from '@wps/tests';
import { parse } from 'graphql';
import pg from 'pg';

/**
 * Who may read what (issue 6, ARCHITECTURE.md section 5), over real
 * processes: drafts stay with the member's own focal points, through every
 * door; a bad token is refused, never downgraded to public; a member
 * receives a token minted for it alone (issue 9 item 6: RFC 8693 token
 * exchange at the issuer), never the caller's hub token, and nothing else
 * of the client's request.
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
    // Kenya: another member, where a token bound to Rwanda must be worth nothing.
    hub = await startTestNetwork({ label: 'access', members: ['RW', 'KE'], env: { REGISTRY_REFRESH_MS: '300' } });
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
    // The issuer mints no Rwanda token for an analyst; even a token for Rwanda's audience with the analyst's roles shows no draft.
    const { body } = await postGraphQL(member, ENTITIES, { representations: draftRepresentations() }, await bearer({ ...analyst, audience: memberAudience('RW') }));
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([null, null, null]);
    const exchange = await askIssuer(hub, { grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange', subject_token: await sign(analyst), subject_token_type: 'urn:ietf:params:oauth:token-type:jwt', audience: 'nap:RW' });
    expect([exchange.status, exchange.body.error, exchange.body.access_token]).toEqual([400, 'invalid_target', undefined]);
  });

  it("shows the member's own focal point its drafts, through both doors", async () => {
    const headers = await bearer(rwandaFocalPoint);
    const viaGateway = await postGraphQL(hub.gatewayUrl, PLAN, { plan: drafts.plan, indicator: drafts.measurement.indicator_id }, headers);
    expect(viaGateway.body.errors).toBeUndefined();
    expect(idsIn(viaGateway.body.data!)).toEqual(expect.arrayContaining([drafts.budgetLine, drafts.report]));
    // At the member itself, with the token the gateway would obtain for it (its hub token is refused there: see below).
    const memberToken = await memberTokenFor(hub, headers.authorization.slice('Bearer '.length), 'RW');
    const viaEntities = await postGraphQL(hub.network.members.get('RW')!.url, ENTITIES, { representations: draftRepresentations() }, { authorization: `Bearer ${memberToken}` });
    expect(viaEntities.body.errors).toBeUndefined();
    expect(viaEntities.body.data!._entities.map((entity: { status?: string; publication?: string } | null) => entity?.status ?? entity?.publication)).toEqual(['DRAFT', 'DRAFT', 'DRAFT']);
  });

  /** The answer of each place to a public query with `token`: [where, HTTP status, first error code, data]. */
  const answersAt = async (token: string, places: [string, string][]) =>
    Promise.all(
      places.map(async ([where, url]) => {
        const { status, body } = await postGraphQL(url, '{ actionPlans(countryCode: "RW") { id } }', {}, { authorization: `Bearer ${token}` });
        return [where, status, body.errors?.[0]?.extensions?.code, body.data ?? null];
      }),
    );
  const refusedAt = (places: [string, string][]) => places.map(([where]) => [where, 401, 'UNAUTHENTICATED', null]);

  it('refuses an expired, wrongly signed or wrong-audience token with UNAUTHENTICATED, at the gateway and at the member, even for public data', async () => {
    const stranger = await ensureDevKeys(path.join(REPO_ROOT, '.data', 'test-keys-stranger'));
    const places: [string, string][] = [['gateway', hub.gatewayUrl], ['member', hub.network.members.get('RW')!.url]];
    const tokens = {
      expired: await sign({ ...analyst, expiresIn: '-1h' }),
      stranger: await signDevToken(stranger.privateKeyFile, analyst),
      otherAudience: await sign({ ...analyst, audience: 'another-hub' }),
      notAJwt: 'not-a-jwt',
    };
    for (const [kind, token] of Object.entries(tokens)) expect([kind, await answersAt(token, places)]).toEqual([kind, refusedAt(places)]);
  });

  it('refuses a token without exp, one living longer than the maximum, one not valid yet (nbf) or issued in the future, at the gateway and at the member', async () => {
    const places: [string, string][] = [['gateway', hub.gatewayUrl], ['member', hub.network.members.get('RW')!.url]];
    const now = Math.floor(Date.now() / 1000);
    for (const audience of [undefined, memberAudience('RW')]) {
      const tokens = {
        withoutExp: await sign({ ...analyst, audience, expiresIn: null }),
        // The default maximum is 12 h (AUTH_MAX_TOKEN_LIFETIME_S).
        tooLong: await sign({ ...analyst, audience, expiresIn: '13h' }),
        notYetValid: await sign({ ...analyst, audience, notBefore: '10m' }),
        issuedInTheFuture: await sign({ ...analyst, audience, issuedAt: now + 600, expiresIn: '1h' }),
      };
      for (const [kind, token] of Object.entries(tokens)) expect([kind, audience, await answersAt(token, places)]).toEqual([kind, audience, refusedAt(places)]);
      // The same claims within the rules are accepted (12 h exactly, nbf within the 30 s skew).
      for (const token of [await sign({ ...analyst, audience, expiresIn: '12h' }), await sign({ ...analyst, audience, notBefore: '10s' })]) {
        const where = audience ? places[1]! : places[0]!;
        expect(await answersAt(token, [where])).toEqual([[where[0], 200, undefined, expect.anything()]]);
      }
    }
  });

  it("refuses a member-bound token replayed at the hub or at another member, and a hub token sent straight to a member, with UNAUTHENTICATED", async () => {
    const hubToken = await sign(rwandaFocalPoint);
    const rwandaToken = await memberTokenFor(hub, hubToken, 'RW');
    expect(await answersAt(rwandaToken, [['rwanda', hub.network.members.get('RW')!.url]])).toEqual([['rwanda', 200, undefined, expect.anything()]]);
    const elsewhere: [string, string][] = [['gateway', hub.gatewayUrl], ['kenya', hub.network.members.get('KE')!.url], ['regional', hub.network.regional.url], ['knowledge', hub.network.knowledge.url]];
    expect(await answersAt(rwandaToken, elsewhere.filter(([where]) => where !== 'regional' && where !== 'knowledge'))).toEqual(refusedAt(elsewhere.slice(0, 2)));
    for (const [where, url] of elsewhere.slice(2)) {
      const { status, body } = await postGraphQL(url, '{ __typename }', {}, { authorization: `Bearer ${rwandaToken}` });
      expect([where, status, body.errors?.[0]?.extensions?.code]).toEqual([where, 401, 'UNAUTHENTICATED']);
    }
    // The caller's own hub token is refused at its member: a member accepts only tokens for its audience.
    expect(await answersAt(hubToken, [['rwanda', hub.network.members.get('RW')!.url]])).toEqual(refusedAt([['rwanda', '']]));
    // A member-bound token cannot be exchanged again, at the issuer, for another member.
    const again = await askIssuer(hub, { grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange', subject_token: rwandaToken, subject_token_type: 'urn:ietf:params:oauth:token-type:jwt', audience: 'nap:KE' });
    expect([again.status, again.body.error]).toEqual([400, 'invalid_grant']);
  });

  it("sends a member a token minted for it (aud nap:<CC>, act the gateway, the caller's sub and roles, at most 5 min), only where it gives rights (its own focal point), and no other header of the client's request", async () => {
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
    const forwardedFor = async (claims: TokenClaims | { authorization: string }) => {
      received.length = 0;
      const headers = { ...('authorization' in claims ? claims : await bearer(claims)), ...clientHeaders };
      const { body } = await postGraphQL(hub.gatewayUrl, QUERY, {}, headers);
      expect(body.errors).toBeUndefined();
      expect(received).toHaveLength(1);
      for (const name of Object.keys(clientHeaders)) expect([name, received[0]![name]]).toEqual([name, undefined]);
      return { sent: headers.authorization, forwarded: received[0]!.authorization };
    };

    // Uganda's own focal point: the member needs a token (drafts, writes), and gets one bound to it, not the caller's.
    const ugandaFocalPoint = await bearer({ subject: 'focal-point:UG', roles: [Role.FOCAL_POINT], country: 'UG' });
    const own = await forwardedFor(ugandaFocalPoint);
    expect(own.forwarded).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(own.forwarded).not.toBe(own.sent);
    const claims = decodeTokenClaims(own.forwarded as string);
    expect(claims).toMatchObject({ aud: 'nap:UG', sub: 'focal-point:UG', roles: [Role.FOCAL_POINT], country: 'UG', act: { sub: 'service:gateway' }, iss: 'wps-federation-hub' });
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300);
    expect(claims.exp! - claims.iat!).toBeGreaterThan(0);
    // Signed by the issuer: Uganda's verifier (its audience alone) accepts it as Uganda's focal point.
    const uganda = createTokenVerifier({ jwksFile: hub.keys.jwksFile, issuer: 'wps-federation-hub', audience: memberAudience('UG') });
    expect(await uganda.verify(own.forwarded as string)).toMatchObject({ subject: 'focal-point:UG', roles: [Role.FOCAL_POINT], country: 'UG' });
    // Replayed at the hub or at another member, it is refused.
    const replayed: [string, string][] = [['gateway', hub.gatewayUrl], ['rwanda', hub.network.members.get('RW')!.url]];
    expect(await answersAt((own.forwarded as string).slice('Bearer '.length), replayed)).toEqual(refusedAt(replayed));

    // The gateway keeps the minted token for its lifetime: the same subject's next query, and queries at once, reuse it (one exchange).
    expect((await forwardedFor(ugandaFocalPoint)).forwarded).toBe(own.forwarded);
    // A new hub token of the same subject (new roles, say) is exchanged anew: a member token never outlives the claims it was minted from.
    const renewed = await forwardedFor({ subject: 'focal-point:UG', roles: [Role.FOCAL_POINT], country: 'UG' });
    expect(renewed.forwarded).not.toBe(own.forwarded);
    expect(decodeTokenClaims(renewed.forwarded as string).sub).toBe('focal-point:UG');
    received.length = 0;
    const fresh = await bearer({ subject: 'focal-point:UG:2', roles: [Role.FOCAL_POINT], country: 'UG' });
    const together = await Promise.all(Array.from({ length: 5 }, () => postGraphQL(hub.gatewayUrl, QUERY, {}, fresh)));
    expect(together.map(({ body }) => body.errors)).toEqual(Array(5).fill(undefined));
    // Identical queries in flight at once may share one member call (the gateway's single flight), so Uganda receives 1 to 5.
    expect(received.length).toBeGreaterThanOrEqual(1);
    expect(received.length).toBeLessThanOrEqual(5);
    expect(new Set(received.map((headers) => headers.authorization)).size).toBe(1);
    expect(decodeTokenClaims(received[0]!.authorization as string).sub).toBe('focal-point:UG:2');
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
