import { Role, roundShare, signDevToken } from '@wps/kit';
import { databaseUrl } from '@wps/launcher';
import { postGraphQL, startTestNetwork, testAdminUrl, type TestNetwork } from '@wps/tests';
import pg from 'pg';

const FRAMEWORK_FINANCING = /* GraphQL */ `
  query ($framework: FrameworkCode!) {
    framework(code: $framework) {
      financing {
        members { countryCode memberStatus shareToCivilSociety shareToGrassroots isDemo }
        summary { members connected unavailable reporting meanShareToCivilSociety meanShareToGrassroots minShareToCivilSociety maxShareToCivilSociety demoMembers computedFromDemo }
      }
    }
  }
`;

/**
 * Financing that reaches the ground (issue 13, item 5), through the gateway:
 * the share of disbursements reaching civil society, per member and across
 * a framework, computed at query time from each member's own rows.
 */
describe('the share of financing reaching civil society, across a framework', () => {
  let hub: TestNetwork;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'financing', members: ['KE', 'RW'] });
  });
  afterAll(() => hub?.stop());

  const memberSql = async <T extends Record<string, unknown>>(code: string, text: string, parameters: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), hub.network.databases.find((name) => name.endsWith(`_nap_${code.toLowerCase()}`))!) });
    await client.connect();
    try {
      return (await client.query<T>(text, parameters)).rows;
    } finally {
      await client.end();
    }
  };

  /** The shares as the member's own published rows give them (its current plan, one currency in the demo). */
  const sharesInDatabase = async (code: string) => {
    const [row] = await memberSql<{ disbursed: number; civil: number; grassroots: number; currencies: number }>(
      code,
      `WITH plan AS (SELECT id FROM national_action_plan ORDER BY iteration DESC LIMIT 1),
            line AS (SELECT * FROM budget_line WHERE plan_id = (SELECT id FROM plan) AND status = 'PUBLISHED')
       SELECT (SELECT coalesce(sum(disbursed), 0)::float8 FROM line) AS disbursed,
              (SELECT count(DISTINCT currency)::int FROM line) AS currencies,
              (SELECT coalesce(sum(amount), 0)::float8 FROM disbursement WHERE budget_line_id IN (SELECT id FROM line) AND recipient_type IN ('CSO', 'WOMENS_RIGHTS_ORGANISATION', 'GRASSROOTS')) AS civil,
              (SELECT coalesce(sum(amount), 0)::float8 FROM disbursement WHERE budget_line_id IN (SELECT id FROM line) AND recipient_type = 'GRASSROOTS') AS grassroots`,
    );
    expect(row!.currencies).toBe(1);
    return { shareToCivilSociety: roundShare(row!.civil / row!.disbursed), shareToGrassroots: roundShare(row!.grassroots / row!.disbursed) };
  };

  const ask = async () => {
    const { body } = await postGraphQL(hub.gatewayUrl, FRAMEWORK_FINANCING, { framework: 'AU_CRF' });
    expect(body.errors).toBeUndefined();
    return body.data!.framework.financing as { members: Record<string, any>[]; summary: Record<string, any> };
  };

  it("gives every AU member's share from its own rows, and a summary over the members' answers that says it is computed from demo values", async () => {
    const financing = await ask();
    expect(financing.members).toHaveLength(55);
    const expected: Record<string, { shareToCivilSociety: number; shareToGrassroots: number }> = {};
    for (const code of ['KE', 'RW']) {
      expected[code] = await sharesInDatabase(code);
      expect(financing.members.find((member) => member.countryCode === code)).toEqual({ countryCode: code, memberStatus: 'ACTIVE', ...expected[code], isDemo: true });
    }
    for (const member of financing.members.filter((candidate) => candidate.memberStatus === 'NOT_CONNECTED')) {
      expect([member.shareToCivilSociety, member.shareToGrassroots, member.isDemo]).toEqual([null, null, null]);
    }
    const civil = [expected.KE!.shareToCivilSociety, expected.RW!.shareToCivilSociety];
    expect(financing.summary).toEqual({
      members: 55,
      connected: 2,
      unavailable: 0,
      reporting: 2,
      meanShareToCivilSociety: roundShare((civil[0]! + civil[1]!) / 2),
      meanShareToGrassroots: roundShare((expected.KE!.shareToGrassroots + expected.RW!.shareToGrassroots) / 2),
      minShareToCivilSociety: Math.min(...civil),
      maxShareToCivilSociety: Math.max(...civil),
      demoMembers: 2,
      computedFromDemo: true,
    });
  });

  it('counts a stopped member as unavailable, not as a member that disbursed nothing, and still counts the others, with one error naming it', async () => {
    const kenya = await sharesInDatabase('KE');
    await hub.network.members.get('RW')!.stop();
    try {
      const { body } = await postGraphQL(hub.gatewayUrl, FRAMEWORK_FINANCING, { framework: 'AU_CRF' });
      const financing = body.data!.framework.financing as { members: Record<string, any>[]; summary: Record<string, any> };
      expect(financing.members.find((member) => member.countryCode === 'RW')).toEqual({ countryCode: 'RW', memberStatus: 'ACTIVE', shareToCivilSociety: null, shareToGrassroots: null, isDemo: null });
      expect(financing.summary).toEqual({
        members: 55,
        connected: 2,
        unavailable: 1,
        reporting: 1,
        meanShareToCivilSociety: kenya.shareToCivilSociety,
        meanShareToGrassroots: kenya.shareToGrassroots,
        minShareToCivilSociety: kenya.shareToCivilSociety,
        maxShareToCivilSociety: kenya.shareToCivilSociety,
        demoMembers: 1,
        computedFromDemo: true,
      });
      expect(body.errors!.map((error: { extensions: unknown }) => error.extensions)).toEqual([{ code: 'MEMBER_UNAVAILABLE', country: 'RW', reason: 'unreachable' }]);
    } finally {
      await hub.network.startMember('RW');
    }
  });

  it("moves with a disbursement Kenya's focal point records through the gateway: the member's own rows are the only input", async () => {
    const [line] = await memberSql<{ id: string }>(
      'KE',
      `SELECT id FROM budget_line WHERE status = 'PUBLISHED' AND plan_id = (SELECT id FROM national_action_plan ORDER BY iteration DESC LIMIT 1) ORDER BY fiscal_year, id LIMIT 1`,
    );
    const before = (await ask()).members.find((member) => member.countryCode === 'KE')!;
    const token = await signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE' });
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `mutation ($id: ID!) { recordDisbursement(countryCode: "KE", budgetLineId: $id, input: { disbursedOn: "2024-03-01", amount: 5000000, recipientType: GRASSROOTS, recipientName: "Women's peace committees, Garissa" }) { amount recipientType isDemo } }`,
      { id: line!.id },
      { authorization: `Bearer ${token}` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.recordDisbursement).toEqual({ amount: 5_000_000, recipientType: 'GRASSROOTS', isDemo: false });
    const after = (await ask()).members.find((member) => member.countryCode === 'KE')!;
    expect(after).toMatchObject(await sharesInDatabase('KE'));
    expect(after.shareToGrassroots).toBeGreaterThan(before.shareToGrassroots);
    // The public cannot write it.
    const anonymous = await postGraphQL(hub.gatewayUrl, `mutation ($id: ID!) { recordDisbursement(countryCode: "KE", budgetLineId: $id, input: { disbursedOn: "2024-03-01", amount: 1, recipientType: CSO }) { amount } }`, { id: line!.id });
    expect(anonymous.body.errors!.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it("shows a plan's financing with its funding gap and demo flags, through the gateway", async () => {
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `{ country(code: "RW") { currentActionPlan { financing { currency costedEstimate allocated fundingGap shareToCivilSociety isDemo demoInputs } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const financing = body.data!.country.currentActionPlan.financing;
    expect(financing.isDemo).toBe(true);
    expect(financing.demoInputs).toEqual(expect.arrayContaining(['budgetLines', 'disbursements']));
    if (financing.costedEstimate !== null) expect(financing.fundingGap).toBeCloseTo(financing.costedEstimate - financing.allocated, 2);
    expect(financing.shareToCivilSociety).toBe((await sharesInDatabase('RW')).shareToCivilSociety);
  });

  it('says so wherever a figure is computed from demo values: plan budgets and assessments, progress rows and coverage, and the framework summaries over them', async () => {
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      /* GraphQL */ `{
        country(code: "KE") { currentActionPlan { budget { isDemo } monitoringFramework { isDemo } assessment { isDemo demoInputs } } }
        framework(code: AU_CRF) {
          coverage { members { countryCode isDemo } summary { computedFromDemo } }
          indicators { progress { rows { countryCode memberStatus isDemo } summary { computedFromDemo } } }
        }
      }`,
    );
    expect(body.errors).toBeUndefined();
    const plan = body.data!.country.currentActionPlan;
    expect(plan.budget.isDemo).toBe(true);
    expect(plan.monitoringFramework.isDemo).toBe(true);
    expect(plan.assessment).toEqual({ isDemo: true, demoInputs: expect.arrayContaining(['planFacts', 'indicators', 'partners']) });
    const { coverage, indicators } = body.data!.framework;
    for (const code of ['KE', 'RW']) expect(coverage.members.find((member: { countryCode: string }) => member.countryCode === code).isDemo).toBe(true);
    expect(coverage.summary.computedFromDemo).toBe(true);
    const withDemoRows = indicators.filter((indicator: { progress: { rows: { isDemo: boolean | null }[] } }) => indicator.progress.rows.some((row) => row.isDemo === true));
    expect(withDemoRows.length).toBeGreaterThan(0);
    for (const indicator of indicators) {
      expect(indicator.progress.summary.computedFromDemo).toBe(indicator.progress.rows.some((row: { isDemo: boolean | null }) => row.isDemo === true));
    }
  });
});
