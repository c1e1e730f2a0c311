import { Role, signDevToken } from '@wps/kit';
import { databaseUrl } from '@wps/launcher';
import { createHubClient, CreateActionPlanDocument, MembersDocument, type HubClient } from '@wps/sdk';
import { postGraphQL, startCuttingProxy, startExtraMember, startTestNetwork, testAdminUrl, waitFor, type CuttingProxy, type ExtraMember, type TestNetwork } from '@wps/tests';
import pg from 'pg';

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterMemberInput!, $key: String) {
    registerMember(input: $input, idempotencyKey: $key) { countryCode status }
  }
`;
const PROPOSE = /* GraphQL */ `
  mutation ($input: ProposeGoodPracticeInput!, $key: String) {
    proposeGoodPractice(input: $input, idempotencyKey: $key) { id title status }
  }
`;

/**
 * Safe retries (issue 9, item 11): a write whose answer was lost is sent
 * again with the same idempotency key and is applied once. The answer is
 * lost for real: a TCP proxy between the gateway and the member closes the
 * gateway's connection as soon as the member starts answering, after the
 * member has committed.
 */
describe('retrying a write with an idempotency key', () => {
  let hub: TestNetwork;
  let ghana: ExtraMember;
  let proxy: CuttingProxy;
  let admin: string;
  let focalPoint: HubClient;
  let ghanaDb: pg.Client;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'retries', members: ['KE'], seedDemo: false, env: { REGISTRY_REFRESH_MS: '300' } });
    ghana = await startExtraMember('GH');
    proxy = await startCuttingProxy(ghana.url);
    admin = await signDevToken(hub.keys.privateKeyFile, { subject: 'hub-admin', roles: [Role.HUB_ADMIN] });
    focalPoint = createHubClient({ url: hub.gatewayUrl, token: await signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:GH', roles: [Role.FOCAL_POINT], country: 'GH' }) });
    ghanaDb = new pg.Client({ connectionString: ghana.database.url });
    await ghanaDb.connect();
  });
  afterAll(async () => {
    await ghanaDb?.end();
    await proxy?.stop();
    await ghana?.stop();
    await hub?.stop();
  });

  const hubSql = async <T extends Record<string, unknown>>(service: 'regional' | 'knowledge', text: string, parameters: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), hub.network.databases.find((name) => name.endsWith(`_${service}`))!) });
    await client.connect();
    try {
      return (await client.query<T>(text, parameters)).rows;
    } finally {
      await client.end();
    }
  };
  const asAdmin = (query: string, variables: Record<string, unknown>) => postGraphQL(hub.gatewayUrl, query, variables, { authorization: `Bearer ${admin}` });

  it('registers a member once when the admin sends the same registration again with its key (regional)', async () => {
    const input = { countryCode: 'GH', endpoint: proxy.url };
    const first = await asAdmin(REGISTER, { input, key: 'register-gh-1' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!.registerMember).toEqual({ countryCode: 'GH', status: 'ACTIVE' });
    const retry = await asAdmin(REGISTER, { input, key: 'register-gh-1' });
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data!.registerMember).toEqual(first.body.data!.registerMember);
    // Without the key the same registration is a second write, refused: the first one stands.
    const unkeyed = await asAdmin(REGISTER, { input });
    expect(unkeyed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await hubSql('regional', "SELECT count(*)::int AS n FROM audit_log WHERE action = 'registerMember' AND entity_id = 'GH'")).toEqual([{ n: 1 }]);
  });

  it('creates a plan once when the answer to the first try was cut after the member committed, and the retry returns that plan', async () => {
    const members = createHubClient({ url: hub.gatewayUrl, token: admin });
    expect(await waitFor(async () => (await members.execute(MembersDocument, {})).data?.members.find((member) => member.countryCode === 'GH')?.lastCheckedAt != null, 10_000)).toBe(true);
    const input = { iteration: 7, title: 'Ghana NAP, written through a connection that drops', periodStart: 2027, periodEnd: 2030 };
    const plans = async () => (await ghanaDb.query<{ id: string }>('SELECT id FROM national_action_plan WHERE title = $1', [input.title])).rows;
    const audited = async () =>
      (await ghanaDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'createActionPlan' AND entity = 'national_action_plan'`)).rows[0]!.n;

    proxy.cutNextAnswerTo('createActionPlan');
    const lost = await focalPoint.execute(CreateActionPlanDocument, { countryCode: 'GH', input, idempotencyKey: 'plan-7' });
    expect(proxy.cuts).toBe(1);
    expect(lost.data?.createActionPlan ?? null).toBeNull();
    expect(lost.errors.map((error) => [error.extensions?.code, error.extensions?.country])).toEqual([['MEMBER_UNAVAILABLE', 'GH']]);
    // The member committed before it answered: the write is there, once.
    const written = await plans();
    expect(written).toHaveLength(1);
    expect(await audited()).toBe(1);

    const retry = await focalPoint.execute(CreateActionPlanDocument, { countryCode: 'GH', input, idempotencyKey: 'plan-7' });
    expect(retry.errors).toEqual([]);
    expect(retry.data!.createActionPlan).toEqual({ id: written[0]!.id, countryCode: 'GH', iteration: 7, title: input.title, status: 'DRAFT', period: { start: 2027, end: 2030 } });
    expect(await plans()).toEqual(written);
    expect(await audited()).toBe(1);
    expect(proxy.cuts).toBe(1);
  });

  it('refuses the same key with another input as BAD_USER_INPUT, writing nothing', async () => {
    const before = (await ghanaDb.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    const other = await focalPoint.execute(CreateActionPlanDocument, {
      countryCode: 'GH',
      input: { iteration: 8, title: 'Another plan under a used key', periodStart: 2031, periodEnd: 2034 },
      idempotencyKey: 'plan-7',
    });
    expect(other.data?.createActionPlan ?? null).toBeNull();
    expect(other.errors).toHaveLength(1);
    expect(other.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED', country: 'GH' });
    expect((await ghanaDb.query('SELECT 1 FROM national_action_plan WHERE iteration = 8')).rows).toEqual([]);
    expect((await ghanaDb.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n).toBe(before);
  });

  it('refuses a key that is not 1 to 200 visible ASCII characters as BAD_USER_INPUT, writing nothing', async () => {
    const before = (await ghanaDb.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    for (const idempotencyKey of ['with space', 'nul\u0000key', 'é', 'k'.repeat(201), '']) {
      const result = await focalPoint.execute(CreateActionPlanDocument, {
        countryCode: 'GH',
        input: { iteration: 10, title: 'A plan under a malformed key', periodStart: 2039, periodEnd: 2040 },
        idempotencyKey,
      });
      expect([idempotencyKey, result.errors.map((error) => error.extensions)]).toEqual([idempotencyKey, [expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' })]]);
    }
    expect((await ghanaDb.query('SELECT 1 FROM national_action_plan WHERE iteration = 10')).rows).toEqual([]);
    expect((await ghanaDb.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n).toBe(before);
  });

  it('forgets a key once it expires (24 hours): the key then names a new write', async () => {
    await ghanaDb.query(`UPDATE idempotency_key SET expires_at = now() - interval '1 second' WHERE actor = 'focal-point:GH' AND key = 'plan-7'`);
    const input = { iteration: 8, title: 'Another plan under a used key', periodStart: 2031, periodEnd: 2034 };
    const result = await focalPoint.execute(CreateActionPlanDocument, { countryCode: 'GH', input, idempotencyKey: 'plan-7' });
    expect(result.errors).toEqual([]);
    expect(result.data!.createActionPlan).toMatchObject({ iteration: 8, title: input.title });
    expect((await ghanaDb.query('SELECT operation, expires_at > now() + interval \'23 hours\' AS renewed FROM idempotency_key WHERE key = $1', ['plan-7'])).rows).toEqual([
      { operation: 'createActionPlan', renewed: true },
    ]);
  });

  it("keeps one user's key from answering another's write: the same key from another focal point is a write of its own", async () => {
    const other = createHubClient({
      url: hub.gatewayUrl,
      token: await signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:GH:second', roles: [Role.FOCAL_POINT], country: 'GH' }),
    });
    const input = { iteration: 9, title: 'Ghana NAP of a second focal point', periodStart: 2035, periodEnd: 2038 };
    const result = await other.execute(CreateActionPlanDocument, { countryCode: 'GH', input, idempotencyKey: 'plan-7' });
    expect(result.errors).toEqual([]);
    expect(result.data!.createActionPlan).toMatchObject({ iteration: 9, title: input.title });
  });

  it('proposes a good practice once when the network member retries with its key (knowledge)', async () => {
    const token = await signDevToken(hub.keys.privateKeyFile, { subject: 'network-member:retries', roles: [Role.NETWORK_MEMBER] });
    const input = { title: 'Retried proposal', summary: 'A proposal sent twice because its answer was lost on the way.', themes: ['COORDINATION'] };
    const send = () => postGraphQL(hub.gatewayUrl, PROPOSE, { input, key: 'practice-1' }, { authorization: `Bearer ${token}` });
    const first = await send();
    expect(first.body.errors).toBeUndefined();
    const retry = await send();
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data!.proposeGoodPractice).toEqual(first.body.data!.proposeGoodPractice);
    expect(await hubSql('knowledge', 'SELECT id FROM good_practice WHERE title = $1', [input.title])).toEqual([{ id: first.body.data!.proposeGoodPractice.id }]);
    expect(await hubSql('knowledge', `SELECT count(*)::int AS n FROM audit_log WHERE action = 'proposeGoodPractice' AND entity_id = $1`, [first.body.data!.proposeGoodPractice.id])).toEqual([{ n: 1 }]);
  });
});
