import { Role, signDevToken } from '@wps/kit';
import { createHubClient, FrameworkProgressDocument, RegisterMemberDocument, RemoveMemberDocument, type HubClient } from '@wps/sdk';
import { FORGED_COUNTRY, FORGED_TITLE, postGraphQL, startHostileMember, startTestNetwork, waitFor, type HostileMember, type HostileModeName, type TestNetwork } from '@wps/tests';

/**
 * Member states are untrusted (ARCHITECTURE.md section 8): a hostile
 * member, a real process serving the NAP contract's probe honestly
 * (tests/src/hostile), is registered for Lesotho and misbehaves in one way
 * per mode. For each mode: the honest members' data is what it was before
 * the hostile member registered, the hostile member is named with
 * MEMBER_UNAVAILABLE (invalid_response), and the gateway keeps answering
 * other requests meanwhile. One network for the file.
 */
const HOSTILE = 'LS';
const ROOT_QUERY = `{ ke: actionPlans(countryCode: "KE") { id title status period { start end } } ng: actionPlans(countryCode: "NG") { id title } ls: actionPlans(countryCode: "${HOSTILE}") { id title } }`;

describe('hostile members', () => {
  let hub: TestNetwork;
  let admin: HubClient;
  let hostile: HostileMember | undefined;
  let honestAu: Awaited<ReturnType<typeof au>>;
  let honestRoot: Record<string, unknown>;

  const au = async () => {
    const result = await hub.client.execute(FrameworkProgressDocument, { framework: 'AU_CRF' });
    return { errors: result.errors ?? [], countries: result.data!.countries };
  };
  const root = () => postGraphQL(hub.gatewayUrl, ROOT_QUERY);

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'hostile', members: ['KE', 'NG'] });
    admin = createHubClient({ url: hub.gatewayUrl, token: await signDevToken(hub.keys.privateKeyFile, { subject: 'hub-admin', roles: [Role.HUB_ADMIN] }) });
    honestAu = await au();
    honestRoot = (await root()).body as Record<string, unknown>;
  });
  afterAll(async () => {
    await hostile?.stop();
    await hub?.stop();
  });

  /** Registers a hostile member for LS in `mode`, waits until the gateway routes to it, runs `check`, then removes it. */
  async function withHostileMember(mode: HostileModeName, check: () => Promise<void>) {
    hostile = await startHostileMember(mode, HOSTILE);
    try {
      const registered = await admin.execute(RegisterMemberDocument, { input: { countryCode: HOSTILE, endpoint: hostile.url } });
      expect(registered.errors).toEqual([]);
      expect(registered.data!.registerMember.status).toBe('ACTIVE');
      // Routed once the gateway's registry has it: LS's part then carries an error.
      expect(await waitFor(async () => (await au()).errors.some((error) => error.extensions?.country === HOSTILE), 15_000)).toBe(true);
      await check();
    } finally {
      await admin.execute(RemoveMemberDocument, { countryCode: HOSTILE });
      await hostile.stop();
      hostile = undefined;
      expect(await waitFor(async () => (await au()).errors.length === 0, 15_000)).toBe(true);
    }
  }

  /** What every mode must give: the honest members' data unchanged, one MEMBER_UNAVAILABLE naming LS, other requests answered meanwhile. */
  async function expectContained() {
    const [answer, typename] = await Promise.all([au(), postGraphQL(hub.gatewayUrl, '{ __typename }')]);
    expect(typename.body).toEqual({ data: { __typename: 'Query' } });

    const lesotho = answer.countries.findIndex((country) => country.code === HOSTILE);
    expect(lesotho).toBeGreaterThanOrEqual(0);
    expect(answer.countries[lesotho]!.currentActionPlan).toBeNull();
    expect(answer.errors).toEqual([
      { message: expect.stringContaining(HOSTILE), path: ['countries', lesotho], extensions: { code: 'MEMBER_UNAVAILABLE', country: HOSTILE, reason: 'invalid_response' } },
    ]);
    // Everyone else's rows are exactly what they were before the hostile member registered.
    const others = (countries: typeof answer.countries) => countries.filter((country) => country.code !== HOSTILE);
    expect(others(answer.countries)).toEqual(others(honestAu.countries));

    const rootAnswer = (await root()).body as { data: Record<string, unknown>; errors: unknown[] };
    expect(rootAnswer.data).toEqual({ ...(honestRoot.data as Record<string, unknown>), ls: null });
    expect(rootAnswer.errors).toEqual([{ message: expect.stringContaining(HOSTILE), path: ['ls'], extensions: { code: 'MEMBER_UNAVAILABLE', country: HOSTILE, reason: 'invalid_response' } }]);
  }

  it('before any hostile member, the answers have no errors and LS is not connected', () => {
    expect(honestAu.errors).toEqual([]);
    expect(honestAu.countries.find((country) => country.code === HOSTILE)).toMatchObject({ memberStatus: 'NOT_CONNECTED', currentActionPlan: null });
    expect(honestAu.countries.find((country) => country.code === 'KE')!.currentActionPlan!.title).toContain('Kenya');
    expect((honestRoot as { errors?: unknown }).errors).toEqual([{ message: expect.any(String), path: ['ls'], extensions: { code: 'MEMBER_NOT_REGISTERED', country: HOSTILE } }]);
    expect((honestRoot.data as Record<string, unknown[]>).ke!.length).toBeGreaterThan(0);
  });

  it('a member forging Kenya leaves exactly one KE row, with Kenya’s own data, and one error naming the forger', async () => {
    await withHostileMember('forge', async () => {
      const answer = await au();
      const kenyaRows = answer.countries.filter((country) => country.code === FORGED_COUNTRY);
      expect(kenyaRows).toEqual([honestAu.countries.find((country) => country.code === FORGED_COUNTRY)]);
      expect(JSON.stringify(answer)).not.toContain(FORGED_TITLE);
      await expectContained();
    });
  });

  it('a member answering a string where an object is asked loses only its own part: every other member’s data is present', async () => {
    await withHostileMember('wrong-shape', async () => {
      const answer = await au();
      for (const code of ['KE', 'NG']) expect(answer.countries.find((country) => country.code === code)!.currentActionPlan).not.toBeNull();
      await expectContained();
    });
  });

  it('a member error of 1 MiB of "a.a.a.…" is refused, and the gateway answers others meanwhile', async () => {
    await withHostileMember('long-error', async () => {
      const answer = await au();
      expect(JSON.stringify(answer.errors).length).toBeLessThan(2_000);
      await expectContained();
    });
  });

  it('a member error blaming another country, with that country and a path into its part, is not believed', async () => {
    await withHostileMember('blame', async () => {
      const answer = await au();
      expect(answer.errors.every((error) => error.extensions?.country === HOSTILE)).toBe(true);
      await expectContained();
    });
  });
});
