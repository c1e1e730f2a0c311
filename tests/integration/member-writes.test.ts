import {
  CreateActionPlanDocument,
  CreateActionPlansInTwoCountriesDocument,
  CreateIndicatorDocument,
  CreateOutcomeDocument,
  FrameworkProgressDocument,
  ImportMeasurementsDocument,
  PublishMeasurementDocument,
  RecordMeasurementDocument,
} from '@wps/sdk';
import { Role, signDevToken } from '@wps/kit';
import { databaseUrl } from '@wps/launcher';
import { createHubClient, type HubClient } from '@wps/sdk';
import { startTestNetwork, testAdminUrl, type TestNetwork } from '@wps/tests';
import pg from 'pg';

/** Tables a write may add to; a member's counts tell whether a write reached it. */
const TABLES = ['national_action_plan', 'plan_document', 'outcome', 'indicator', 'indicator_alignment', 'measurement'] as const;

/**
 * Writes through the real gateway (ARCHITECTURE.md rule 3 and section 4):
 * each mutation goes to the member state that owns the data, by its
 * countryCode, and lands in that member's own database only.
 */
describe('writes through the gateway', () => {
  let hub: TestNetwork;
  /** Clients of each country's focal point (the public client is hub.client). */
  let kenya: HubClient;
  let nigeria: HubClient;
  const databases = new Map<string, pg.Client>();

  beforeAll(async () => {
    // Empty members: the test builds the little it needs with the mutations themselves.
    hub = await startTestNetwork({ label: 'writes', members: ['KE', 'NG'], seedDemo: false });
    const focalPoint = async (country: string) =>
      createHubClient({ url: hub.gatewayUrl, token: await signDevToken(hub.keys.privateKeyFile, { subject: `focal-point:${country}`, roles: [Role.FOCAL_POINT], country }) });
    kenya = await focalPoint('KE');
    nigeria = await focalPoint('NG');
    for (const code of ['KE', 'NG']) {
      const name = hub.network.databases.find((candidate) => candidate.endsWith(`_nap_${code.toLowerCase()}`))!;
      const client = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), name) });
      await client.connect();
      databases.set(code, client);
    }
  });
  afterAll(async () => {
    for (const client of databases.values()) await client.end();
    await hub?.stop();
  });

  /** What a member's own database holds, straight from SQL. */
  const sql = async <T extends Record<string, unknown>>(code: string, text: string, parameters: unknown[] = []): Promise<T[]> =>
    (await databases.get(code)!.query<T>(text, parameters)).rows;
  const rowCounts = async (code: string) =>
    (await sql<Record<string, number>>(code, `SELECT ${TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`))[0];
  const bothCounts = async () => ({ KE: await rowCounts('KE'), NG: await rowCounts('NG') });

  it('sends a mutation to the member its countryCode names: the plan is in that member\'s database and nowhere else', async () => {
    const before = await bothCounts();
    const result = await kenya.execute(CreateActionPlanDocument, {
      countryCode: 'KE',
      input: { iteration: 1, title: 'Kenya NAP 2016–2018 (written through the hub)', periodStart: 2016, periodEnd: 2018 },
    });
    expect(result.errors).toEqual([]);
    const plan = result.data!.createActionPlan!;
    expect(plan).toEqual({ id: expect.any(String), countryCode: 'KE', iteration: 1, title: 'Kenya NAP 2016–2018 (written through the hub)', status: 'DRAFT', period: { start: 2016, end: 2018 } });
    expect(await sql('KE', 'SELECT id, iteration, status FROM national_action_plan')).toEqual([{ id: plan.id, iteration: 1, status: 'DRAFT' }]);
    expect(await rowCounts('KE')).toEqual({ ...before.KE, national_action_plan: before.KE!.national_action_plan! + 1 });
    expect(await rowCounts('NG')).toEqual(before.NG);
  });

  it("refuses a KE focal point's write to NG with FORBIDDEN, leaving NG's rows unchanged, while the KE write in the same request lands in KE", async () => {
    const before = await bothCounts();
    const result = await kenya.execute(CreateActionPlansInTwoCountriesDocument, {
      firstCountry: 'NG',
      firstInput: { iteration: 1, title: 'Nigeria NAP 2017–2020', periodStart: 2017, periodEnd: 2020 },
      secondCountry: 'KE',
      secondInput: { iteration: 2, title: 'Kenya NAP 2020–2024', periodStart: 2020, periodEnd: 2024 },
    });
    expect(result.data!.first).toBeNull();
    expect(result.data!.second).toEqual({ id: expect.any(String), countryCode: 'KE', iteration: 2 });
    expect(result.errors).toEqual([{ message: expect.stringContaining('NG'), path: ['first'], extensions: { code: 'FORBIDDEN', country: 'NG' } }]);
    expect(await bothCounts()).toEqual({ KE: { ...before.KE, national_action_plan: before.KE!.national_action_plan! + 1 }, NG: before.NG });
  });

  it("lands each country's write in its own member when its own focal point sends it", async () => {
    const result = await nigeria.execute(CreateActionPlanDocument, {
      countryCode: 'NG',
      input: { iteration: 1, title: 'Nigeria NAP 2017–2020', periodStart: 2017, periodEnd: 2020 },
    });
    expect(result.errors).toEqual([]);
    const plan = result.data!.createActionPlan!;
    expect(await sql('NG', 'SELECT id, title FROM national_action_plan')).toEqual([{ id: plan.id, title: 'Nigeria NAP 2017–2020' }]);
    expect(await sql('KE', 'SELECT id FROM national_action_plan WHERE id = $1', [plan.id])).toEqual([]);
  });

  it('refuses writes without a token (UNAUTHENTICATED) and from a regional analyst (FORBIDDEN), writing nothing', async () => {
    const before = await bothCounts();
    const anonymous = await hub.client.execute(CreateActionPlanDocument, { countryCode: 'KE', input: { iteration: 9, title: 'Anonymous plan' } });
    expect(anonymous.errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const analyst = createHubClient({
      url: hub.gatewayUrl,
      token: await signDevToken(hub.keys.privateKeyFile, { subject: 'analyst:au', roles: [Role.REGIONAL_ANALYST], orgs: ['AU'] }),
    });
    const refused = await analyst.execute(CreateActionPlanDocument, { countryCode: 'KE', input: { iteration: 9, title: 'Analyst plan' } });
    expect(refused.errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await bothCounts()).toEqual(before);
  });

  it('answers a mutation for a country without a member with MEMBER_NOT_REGISTERED, and writes nothing anywhere', async () => {
    const before = await bothCounts();
    const result = await kenya.execute(CreateActionPlanDocument, { countryCode: 'ZA', input: { iteration: 1, title: 'South Africa NAP 2020–2025' } });
    expect(result.data).toEqual({ createActionPlan: null });
    expect(result.errors).toEqual([
      { message: expect.stringContaining('ZA'), path: ['createActionPlan'], extensions: { code: 'MEMBER_NOT_REGISTERED', country: 'ZA' } },
    ]);
    expect(await bothCounts()).toEqual(before);
  });

  it('never shows a draft recorded through the gateway in a public cross-country query until it is published', async () => {
    const planResult = await kenya.execute(CreateActionPlanDocument, {
      countryCode: 'KE',
      input: { iteration: 3, title: 'Kenya NAP 2025–2029', periodStart: 2025, periodEnd: 2029, status: 'ADOPTED' },
    });
    const plan = planResult.data!.createActionPlan!;
    const outcome = (
      await kenya.execute(CreateOutcomeDocument, { countryCode: 'KE', planId: plan.id, input: { code: 'O1', pillar: 'PARTICIPATION', statement: 'Women take part.' } })
    ).data!.createOutcome!;
    const indicator = (
      await kenya.execute(CreateIndicatorDocument, {
        countryCode: 'KE',
        planId: plan.id,
        input: { code: 'P1', title: 'Women in county assemblies', level: 'OUTCOME', unit: '%', outcomeId: outcome.id, alignments: [{ frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' }] },
      })
    ).data!.createIndicator!;
    expect(indicator.alignments).toEqual([{ frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' }]);

    const recorded = await kenya.execute(RecordMeasurementDocument, { countryCode: 'KE', input: { indicatorId: indicator.id, period: '2025', value: 42, source: 'IEBC' } });
    expect(recorded.errors).toEqual([]);
    const draft = recorded.data!.recordMeasurement!;
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, value: 42, recordedBy: 'focal-point:KE' });
    expect(await sql('KE', 'SELECT status FROM measurement WHERE id = $1', [draft.id])).toEqual([{ status: 'DRAFT' }]);

    /** Kenya's current plan's indicators and their public values, as the cross-country view shows them. */
    const kenyaInPublicView = async () => {
      const view = await hub.client.execute(FrameworkProgressDocument, { framework: 'AU_CRF' });
      expect(view.errors).toEqual([]);
      const kenya = view.data!.countries.find((country) => country.code === 'KE')!;
      expect(kenya.currentActionPlan?.id).toBe(plan.id);
      expect(view.data!.countries.find((country) => country.code === 'NG')!.currentActionPlan?.indicators).toEqual([]);
      return kenya.currentActionPlan!.indicators.map((shown) => ({ code: shown.code, measurements: shown.measurements }));
    };
    expect(await kenyaInPublicView()).toEqual([{ code: 'P1', measurements: [] }]);

    const published = await kenya.execute(PublishMeasurementDocument, { countryCode: 'KE', id: draft.id });
    expect(published.errors).toEqual([]);
    expect(published.data!.publishMeasurement).toMatchObject({ id: draft.id, status: 'PUBLISHED', publishedAt: expect.any(String) });
    expect(await kenyaInPublicView()).toEqual([{ code: 'P1', measurements: [{ period: '2025', value: 42 }] }]);

    // A correction is a draft too: the public keeps the published value until it is published.
    const correction = await kenya.execute(RecordMeasurementDocument, { countryCode: 'KE', input: { indicatorId: indicator.id, period: '2025', value: 43, source: 'IEBC, final' } });
    expect(correction.data!.recordMeasurement).toMatchObject({ status: 'DRAFT', version: 2 });
    expect(await kenyaInPublicView()).toEqual([{ code: 'P1', measurements: [{ period: '2025', value: 42 }] }]);
    expect(await sql('KE', 'SELECT version, value::float AS value, status FROM measurement ORDER BY version')).toEqual([
      { version: 1, value: 42, status: 'PUBLISHED' },
      { version: 2, value: 43, status: 'DRAFT' },
    ]);
    expect((await rowCounts('NG'))!.measurement).toBe(0);
  });

  it('passes a refused CSV import\'s line-numbered problems through the gateway, and lands a good import in the member only', async () => {
    const [plan] = await sql<{ id: string }>('KE', 'SELECT id FROM national_action_plan WHERE iteration = 3');
    const before = await bothCounts();
    const refused = await kenya.execute(ImportMeasurementsDocument, {
      countryCode: 'KE',
      planId: plan!.id,
      csv: 'indicator_code,period,value,source\nP1,2026,40,IEBC\nP1,2031,41,IEBC\nP9,2026,1,IEBC\n',
    });
    expect(refused.data).toEqual({ importMeasurements: null });
    expect(refused.errors).toEqual([
      {
        message: '2 rows are invalid; nothing was imported.',
        path: ['importMeasurements'],
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'csv',
          country: 'KE',
          lines: [
            { line: 3, field: 'period', message: expect.stringContaining('2025–2029') },
            { line: 4, field: 'indicator_code', message: expect.stringContaining('"P9"') },
          ],
        },
      },
    ]);
    expect(await bothCounts()).toEqual(before);

    const imported = await kenya.execute(ImportMeasurementsDocument, { countryCode: 'KE', planId: plan!.id, csv: 'indicator_code,period,value,source\nP1,2026,40,IEBC\nP1,2027-H1,44,IEBC\n' });
    expect(imported.errors).toEqual([]);
    expect(imported.data!.importMeasurements).toMatchObject({ imported: 2, measurements: [{ period: '2026', status: 'DRAFT' }, { period: '2027-H1', status: 'DRAFT' }] });
    expect(await rowCounts('KE')).toEqual({ ...before.KE, measurement: before.KE!.measurement! + 2 });
    expect(await rowCounts('NG')).toEqual(before.NG);
  });
});
