import { FrameworkProgressDocument } from '@wps/sdk';
import { LEAK_PATTERNS, postGraphQL, startTestNetwork, type TestNetwork } from '@wps/tests';

const MEMBER_TIMEOUT_MS = 1000;

/** The MemberRouter's rules (ARCHITECTURE.md section 2), over real member processes. */
describe('the MemberRouter', () => {
  let hub: TestNetwork;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'routing', members: ['KE', 'NG', 'GH'], env: { MEMBER_TIMEOUT_MS: String(MEMBER_TIMEOUT_MS) } });
  });
  afterAll(() => hub?.stop());

  const auProgress = () => hub.client.execute(FrameworkProgressDocument, { framework: 'AU_CRF' });
  const indexOf = (countries: { code: string }[], code: string) => countries.findIndex((country) => country.code === code);

  it('splits root fields by countryCode, literal or variable, and merges them by response key', async () => {
    const { status, body } = await postGraphQL(
      hub.gatewayUrl,
      /* GraphQL */ `query Plans($ghana: String!) {
        kenya: actionPlans(countryCode: "KE") { countryCode iteration }
        nigeria: actionPlans(countryCode: "NG") { countryCode }
        ghana: actionPlans(countryCode: $ghana) { countryCode }
        first: actionPlan(countryCode: "KE", id: "00000000-0000-0000-0000-000000000000") { id }
      }`,
      { ghana: 'GH' },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.kenya.map((plan: { countryCode: string }) => plan.countryCode)).toEqual(['KE', 'KE']);
    expect(body.data!.kenya.map((plan: { iteration: number }) => plan.iteration)).toEqual([1, 2]);
    expect(new Set(body.data!.nigeria.map((plan: { countryCode: string }) => plan.countryCode))).toEqual(new Set(['NG']));
    expect(new Set(body.data!.ghana.map((plan: { countryCode: string }) => plan.countryCode))).toEqual(new Set(['GH']));
    expect(body.data!.first).toBeNull();
  });

  it('answers a root field for a country without a member with MEMBER_NOT_REGISTERED, and the rest normally', async () => {
    const { status, body } = await postGraphQL(
      hub.gatewayUrl,
      `{ za: actionPlans(countryCode: "ZA") { id } ke: actionPlans(countryCode: "KE") { countryCode } }`,
    );
    expect(status).toBe(200);
    expect(body.data!.za).toBeNull();
    expect(body.data!.ke).toHaveLength(2);
    expect(body.errors).toEqual([
      { message: expect.stringContaining('ZA'), path: ['za'], extensions: { code: 'MEMBER_NOT_REGISTERED', country: 'ZA' } },
    ]);
  });

  it('keeps entity order across members: every country gets its own member\'s plan', async () => {
    const { data, errors } = await auProgress();
    expect(errors).toEqual([]);
    for (const country of data!.countries) {
      if (country.currentActionPlan) expect(country.currentActionPlan.title).toContain(country.name);
    }
    expect(data!.countries.filter((country) => country.currentActionPlan).map((country) => country.code).sort()).toEqual(['GH', 'KE', 'NG']);
  });

  it('nulls only the branch of a member that is down, with one MEMBER_UNAVAILABLE error naming it and no internals', async () => {
    await hub.network.members.get('KE')!.stop();
    try {
      const { status, body, text } = await postGraphQL(hub.gatewayUrl, `{ countries(framework: AU_CRF) { code currentActionPlan { title indicators { code } } } }`);
      expect(status).toBe(200);
      const countries = body.data!.countries as { code: string; currentActionPlan: unknown }[];
      expect(countries.find((country) => country.code === 'KE')!.currentActionPlan).toBeNull();
      expect(countries.find((country) => country.code === 'NG')!.currentActionPlan).not.toBeNull();
      expect(countries.find((country) => country.code === 'GH')!.currentActionPlan).not.toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toEqual({
        message: expect.stringContaining('KE'),
        // The member's local index 0 re-indexed to Kenya's place in the list.
        path: ['countries', indexOf(countries, 'KE')],
        extensions: { code: 'MEMBER_UNAVAILABLE', country: 'KE', reason: 'unreachable' },
      });
      const errorsText = JSON.stringify(body.errors);
      for (const pattern of LEAK_PATTERNS) expect(errorsText).not.toMatch(pattern);
      expect(text).not.toMatch(/stack|ECONNREFUSED|127\.0\.0\.1/i);
    } finally {
      await hub.network.startMember('KE');
    }
    const recovered = await auProgress();
    expect(recovered.errors).toEqual([]);
    expect(recovered.data!.countries.find((country) => country.code === 'KE')!.currentActionPlan).not.toBeNull();
  });

  it('gives up on a member that hangs after its timeout, and answers for the others', async () => {
    const nigeria = hub.network.members.get('NG')!;
    process.kill(nigeria.pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const { status, body } = await postGraphQL(hub.gatewayUrl, `{ countries(framework: AU_CRF) { code currentActionPlan { title } } }`);
      const elapsed = Date.now() - started;
      expect(status).toBe(200);
      expect(elapsed).toBeGreaterThanOrEqual(MEMBER_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(MEMBER_TIMEOUT_MS + 4000);
      const countries = body.data!.countries as { code: string; currentActionPlan: unknown }[];
      expect(countries.find((country) => country.code === 'NG')!.currentActionPlan).toBeNull();
      expect(countries.find((country) => country.code === 'KE')!.currentActionPlan).not.toBeNull();
      expect(body.errors).toEqual([
        { message: expect.stringContaining('NG'), path: ['countries', indexOf(countries, 'NG')], extensions: { code: 'MEMBER_UNAVAILABLE', country: 'NG', reason: 'timeout' } },
      ]);
    } finally {
      process.kill(nigeria.pid, 'SIGCONT');
    }
  });

  it('answers root fields of a member that is down with MEMBER_UNAVAILABLE for that field only', async () => {
    await hub.network.members.get('GH')!.stop();
    try {
      const { body } = await postGraphQL(hub.gatewayUrl, `{ gh: actionPlans(countryCode: "GH") { id } ke: actionPlans(countryCode: "KE") { id } }`);
      expect(body.data!.gh).toBeNull();
      expect(body.data!.ke).toHaveLength(2);
      expect(body.errors).toEqual([{ message: expect.any(String), path: ['gh'], extensions: { code: 'MEMBER_UNAVAILABLE', country: 'GH', reason: 'unreachable' } }]);
    } finally {
      await hub.network.startMember('GH');
    }
  });
});

describe('a member subgraph asked directly', () => {
  let hub: TestNetwork;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'direct', members: ['KE'] });
  });
  afterAll(() => hub?.stop());

  it('refuses a representation for a country it does not serve, and still resolves its own in the same batch', async () => {
    const kenya = hub.network.members.get('KE')!;
    const plans = await postGraphQL(kenya.url, `{ actionPlans(countryCode: "KE") { id } }`);
    const planId = plans.body.data!.actionPlans[0].id as string;
    const { body } = await postGraphQL(
      kenya.url,
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { code actionPlans { id } } ... on NationalActionPlan { id countryCode } } }`,
      {
        representations: [
          { __typename: 'Country', code: 'KE' },
          { __typename: 'Country', code: 'NG' },
          { __typename: 'NationalActionPlan', countryCode: 'NG', id: planId },
          { __typename: 'NationalActionPlan', countryCode: 'KE', id: planId },
        ],
      },
    );
    expect(body.data!._entities[0]).toEqual({ code: 'KE', actionPlans: expect.arrayContaining([{ id: planId }]) });
    expect(body.data!._entities[1]).toBeNull();
    expect(body.data!._entities[2]).toBeNull();
    expect(body.data!._entities[3]).toEqual({ id: planId, countryCode: 'KE' });
    expect(body.errors!.map((error: { path: unknown; extensions: unknown }) => [error.path, error.extensions])).toEqual([
      [['_entities', 1], { code: 'COUNTRY_NOT_SERVED', country: 'NG' }],
      [['_entities', 2], { code: 'COUNTRY_NOT_SERVED', country: 'NG' }],
    ]);
  });

  it('refuses a root field addressed to another country', async () => {
    const { body } = await postGraphQL(hub.network.members.get('KE')!.url, `{ actionPlans(countryCode: "NG") { id } }`);
    expect(body.data!.actionPlans).toBeNull();
    expect(body.errors![0].extensions).toEqual({ code: 'COUNTRY_NOT_SERVED', country: 'NG' });
  });
});
