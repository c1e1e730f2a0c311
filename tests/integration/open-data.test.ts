import { Role, signDevToken } from '@wps/kit';
import { createHubClient, PublishMeasurementDocument, RecordMeasurementDocument } from '@wps/sdk';
import { LEAK_PATTERNS, postGraphQL, startTestNetwork, type TestNetwork } from '@wps/tests';

const HOSTILE_NARRATIVE = '=HYPERLINK("http://evil.example/steal","Click for the full report")';

const KENYA_PUBLIC = /* GraphQL */ `
  {
    country(code: "KE") {
      actionPlans {
        iteration
        indicators { id code measurements { period value disaggregatedValues { dimension } } }
        budgetLines { fiscalYear description allocated disbursed spent currency }
      }
    }
  }
`;

interface Download {
  status: number;
  headers: Headers;
  text: string;
}

interface OpenDataJson {
  dataset: string;
  licence: string;
  licenceNote: string;
  source: string;
  sources?: string[];
  generatedAt: string;
  isDemo: boolean;
  unavailableMembers: { countryCode: string; reason: string }[];
  notConnectedMembers?: string[];
  columns: string[];
  rows: Record<string, unknown>[];
}

/** A CSV line's cells (the header and simple rows: no line breaks inside a cell). */
function csvLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(0, -2).split('\r\n');
}

/**
 * Open data (issue 13.7): the public record, published measurements and
 * budgets as CSV and JSON downloads per framework and per state, built by
 * the real gateway from public GraphQL over real member processes.
 */
describe('open-data downloads, per framework and per country', () => {
  let hub: TestNetwork;
  const get = async (path: string): Promise<Download> => {
    const response = await fetch(`${hub.network.gatewayUrl.replace(/\/graphql$/, '')}${path}`);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
  const json = async (path: string): Promise<OpenDataJson & { headers: Headers }> => {
    const download = await get(path);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^application\/json/);
    return { ...(JSON.parse(download.text) as OpenDataJson), headers: download.headers };
  };

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'opendata', members: ['KE', 'NG'], env: { MEMBER_TIMEOUT_MS: '2000' } });
  });
  afterAll(() => hub?.stop());

  it('lists every dataset in the index with its URL, format, licence, source note and generated-at time, and serves the licence', async () => {
    const index = JSON.parse((await get('/open-data/')).text) as { licence: string; licenceText: string; unavailableMembers: string; datasets: { url: string; format: string; licence: string; source: string; generatedAt: string }[] };
    expect(index.licence).toBe('CC BY 4.0');
    const urls = index.datasets.map((dataset) => dataset.url);
    for (const url of ['/open-data/frameworks/AU_CRF/public-record.csv', '/open-data/frameworks/OSCE/measurements.json', '/open-data/frameworks/EU_GAP_III/budgets.csv', '/open-data/countries/KE/budgets.json', '/open-data/countries/TG/public-record.csv']) {
      expect(urls).toContain(url);
    }
    for (const dataset of index.datasets) {
      expect(dataset).toMatchObject({ licence: 'CC BY 4.0', format: expect.stringMatching(/^(csv|json)$/), source: expect.any(String), generatedAt: expect.any(String) });
    }
    expect(index.unavailableMembers).toContain('X-Unavailable-Members');
    const licence = await get(index.licenceText);
    expect(licence.status).toBe(200);
    expect(licence.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(licence.text).toContain('CC BY 4.0');
    expect(licence.text).toContain("remains the member state's");
  });

  it("downloads every AU member's public record, connected or not, as CSV and JSON with the licence and the sources", async () => {
    const csv = await get('/open-data/frameworks/AU_CRF/public-record.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="wps-hub-AU_CRF-public-record-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers.get('x-licence')).toMatch(/^CC BY 4\.0/);
    expect(csv.headers.get('link')).toContain('rel="license"');
    expect(csv.headers.get('x-unavailable-members')).toBeNull();
    const lines = csvLines(csv.text);
    expect(lines[0]).toBe('country_code,country_name,member_status,listed,iteration,period_start,period_end,adopted,adopted_precision,verified,sources,note,source_conflict');
    expect(new Set(lines.slice(1).map((line) => line.slice(0, 2))).size).toBe(55);
    // Nigeria's third NAP: adopted in a month the sources name, not a day.
    expect(lines.find((line) => line.startsWith('NG,') && line.includes(',3,2024,2028,'))).toContain(',2025-12,MONTH,');

    const body = await json('/open-data/frameworks/AU_CRF/public-record.json');
    expect(body).toMatchObject({ dataset: 'public-record', licence: 'CC BY 4.0', isDemo: false, unavailableMembers: [] });
    expect(body.licenceNote).toContain("remains the member state's");
    expect(body.source).toMatch(/data\/naps\.json, gathered 2026-12-01: .*PeaceWomen/);
    expect(body.sources!.length).toBeGreaterThan(10);
    expect(body.rows).toHaveLength(lines.length - 1);
    expect(body.rows.filter((row) => row.country_code === 'NG').map((row) => [row.iteration, row.adopted, row.adopted_precision])).toEqual([
      [1, '2013-08-27', 'DAY'],
      [2, '2017-05-09', 'DAY'],
      [3, '2025-12', 'MONTH'],
    ]);
    // Togo runs no subgraph; its record is there. A member with no NAP in the record has one row, listed false.
    expect(body.rows.filter((row) => row.country_code === 'TG').map((row) => row.iteration)).toEqual([1, 2, 3]);
    expect(body.rows.filter((row) => row.listed === false).every((row) => row.iteration === null)).toBe(true);
    for (const row of body.rows.filter((row) => row.iteration !== null)) expect((row.sources as string[]).length).toBeGreaterThan(0);
  });

  it("downloads every connected member's published measurements and budgets, the member's own rows, flagged as demo", async () => {
    const { body: expected } = await postGraphQL(hub.gatewayUrl, KENYA_PUBLIC);
    const plans = expected.data!.country.actionPlans as { iteration: number; indicators: { measurements: { disaggregatedValues: unknown[] }[] }[]; budgetLines: { allocated: number }[] }[];
    const kenyaValues = plans.flatMap((plan) => plan.indicators.flatMap((indicator) => indicator.measurements.map((measurement) => 1 + measurement.disaggregatedValues.length))).reduce((a, b) => a + b, 0);
    const kenyaLines = plans.flatMap((plan) => plan.budgetLines);
    expect(kenyaValues).toBeGreaterThan(0);
    expect(kenyaLines.length).toBeGreaterThan(0);

    const measurements = await json('/open-data/frameworks/AU_CRF/measurements.json');
    expect(measurements).toMatchObject({ dataset: 'measurements', licence: 'CC BY 4.0', isDemo: true, unavailableMembers: [] });
    expect(measurements.notConnectedMembers).toHaveLength(53);
    expect(measurements.rows.filter((row) => row.country_code === 'KE')).toHaveLength(kenyaValues);
    expect(new Set(measurements.rows.map((row) => row.country_code))).toEqual(new Set(['KE', 'NG']));
    expect(measurements.rows.every((row) => row.is_demo === true)).toBe(true);
    expect(measurements.columns).toContain('framework_indicator_codes');

    const measurementsCsv = await get('/open-data/frameworks/AU_CRF/measurements.csv');
    expect(measurementsCsv.headers.get('x-demo-data')).toBe('true');
    expect(measurementsCsv.text.split('\r\n')[0]).toBe(measurements.columns.join(','));

    const budgets = await json('/open-data/countries/KE/budgets.json');
    expect(budgets).toMatchObject({ dataset: 'budgets', isDemo: true, unavailableMembers: [], notConnectedMembers: [] });
    expect(budgets.rows.map((row) => row.allocated).sort()).toEqual(kenyaLines.map((line) => line.allocated).sort());
    expect(budgets.rows.every((row) => row.country_code === 'KE' && typeof row.currency === 'string' && typeof row.gender_marker === 'string')).toBe(true);
    const budgetsCsv = await get('/open-data/frameworks/AU_CRF/budgets.csv');
    expect(budgetsCsv.headers.get('content-disposition')).toMatch(/filename="wps-hub-AU_CRF-budgets-.*\.csv"/);
    expect(csvLines(budgetsCsv.text).filter((line) => line.startsWith('KE,'))).toHaveLength(kenyaLines.length);

    // A state that runs no subgraph: its public record, and no member data (named, not an error).
    const togo = await json('/open-data/countries/TG/measurements.json');
    expect(togo).toMatchObject({ rows: [], unavailableMembers: [], notConnectedMembers: ['TG'], isDemo: false });
  });

  it("neutralises a member's formula-like text in CSV, and never shows a draft", async () => {
    const kenya = createHubClient({
      url: hub.gatewayUrl,
      token: await signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE' }),
    });
    const { body } = await postGraphQL(hub.gatewayUrl, KENYA_PUBLIC);
    const indicator = (body.data!.country.actionPlans as { indicators: { id: string; code: string }[] }[]).at(-1)!.indicators[0]!;
    const published = await kenya.execute(RecordMeasurementDocument, { countryCode: 'KE', input: { indicatorId: indicator.id, period: '2023', value: 12, narrative: HOSTILE_NARRATIVE, source: 'Open-data test (demo data)' } });
    expect(published.errors).toEqual([]);
    expect((await kenya.execute(PublishMeasurementDocument, { countryCode: 'KE', id: published.data!.recordMeasurement!.id })).errors).toEqual([]);
    const draft = await kenya.execute(RecordMeasurementDocument, { countryCode: 'KE', input: { indicatorId: indicator.id, period: '2024', value: 43.2109, narrative: 'DRAFT-NOT-FOR-THE-PUBLIC', source: 'Open-data test' } });
    expect(draft.errors).toEqual([]);
    expect(draft.data!.recordMeasurement!.status).toBe('DRAFT');

    for (const path of ['/open-data/frameworks/AU_CRF/measurements.csv', '/open-data/countries/KE/measurements.csv']) {
      const csv = await get(path);
      expect(csv.status).toBe(200);
      const line = csvLines(csv.text).find((row) => row.includes('Click for the full report'))!;
      expect(line).toContain(`,"'=HYPERLINK(""http://evil.example/steal"",""Click for the full report"")",`);
      expect(line).not.toMatch(/,"?=HYPERLINK/);
      expect(csv.text).not.toContain('43.2109');
      expect(csv.text).not.toContain('DRAFT-NOT-FOR-THE-PUBLIC');
    }
    // JSON keeps the member's text as it is (JSON is not run as a formula), and no draft either.
    const measurements = await json('/open-data/countries/KE/measurements.json');
    expect(measurements.rows.find((row) => row.period === '2023' && row.indicator_code === indicator.code)).toMatchObject({ narrative: HOSTILE_NARRATIVE, value: 12 });
    expect(measurements.rows.some((row) => row.value === 43.2109)).toBe(false);
  });

  it('answers unknown framework and country codes and unknown files with 404 naming the valid form, without a stack or an internal address', async () => {
    const cases: [string, RegExp][] = [
      ['/open-data/frameworks/NATO/measurements.csv', /\/open-data\/frameworks\/\{AU_CRF\|EU_GAP_III\|OSCE\}\//],
      ['/open-data/frameworks/AU_CRF/measurements.xml', /\{public-record\|measurements\|budgets\}\.\{csv\|json\}/],
      ['/open-data/frameworks/AU_CRF/plans.json', /\{public-record\|measurements\|budgets\}/],
      ['/open-data/countries/KEN/budgets.csv', /ISO 3166-1 alpha-2/],
      ['/open-data/countries/ZZ/budgets.csv', /knows no state "ZZ"/],
      ['/open-data/countries/K%3Cscript%3E/budgets.csv', /ISO 3166-1 alpha-2/],
      ['/open-data/elsewhere', /index of every file/],
    ];
    for (const [path, form] of cases) {
      const response = await get(path);
      expect([path, response.status]).toEqual([path, 404]);
      const error = (JSON.parse(response.text) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toMatch(form);
      expect(response.text).not.toContain('<script');
      for (const pattern of LEAK_PATTERNS) expect([path, pattern.test(response.text)]).toEqual([path, false]);
    }
    const post = await fetch(`${hub.network.gatewayUrl.replace(/\/graphql$/, '')}/open-data/frameworks/AU_CRF/measurements.csv`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('names a stopped member in unavailableMembers and X-Unavailable-Members, and still downloads the others', async () => {
    await hub.network.members.get('NG')!.stop();
    const measurements = await json('/open-data/frameworks/AU_CRF/measurements.json');
    expect(measurements.unavailableMembers).toEqual([{ countryCode: 'NG', reason: expect.any(String) }]);
    expect(measurements.headers.get('x-unavailable-members')).toMatch(/^NG=[a-z_]+$/);
    expect(measurements.rows.length).toBeGreaterThan(0);
    expect(new Set(measurements.rows.map((row) => row.country_code))).toEqual(new Set(['KE']));
    for (const pattern of LEAK_PATTERNS.filter((pattern) => !pattern.test('https://'))) expect(pattern.test(JSON.stringify(measurements.unavailableMembers))).toBe(false);

    const budgets = await get('/open-data/frameworks/AU_CRF/budgets.csv');
    expect(budgets.status).toBe(200);
    expect(budgets.headers.get('x-unavailable-members')).toMatch(/^NG=/);
    expect(csvLines(budgets.text).slice(1).every((line) => line.startsWith('KE,'))).toBe(true);
    // The public record is the hub's reference data: Nigeria's is there while its subgraph is down.
    const record = await json('/open-data/countries/NG/public-record.json');
    expect(record.rows).toHaveLength(3);
  });
});
