import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { FrameworkPlansDocument, FrameworkProgressDocument, MemberActionPlansDocument, CountryProfileDocument } from '@wps/sdk';
import pg from 'pg';
import { databaseUrl, REPO_ROOT, SERVICE_SCRIPTS, spawnService } from '@wps/launcher';
import { postGraphQL, startTestNetwork, testAdminUrl, testKeys, type TestNetwork } from '@wps/tests';

/**
 * The hub's headline: one query through the gateway, answered by each
 * member state's own subgraph process from its own database.
 */
describe('a cross-country query through the gateway', () => {
  let hub: TestNetwork;

  /** A connection to a member's own database, to compare the hub's answer with what the member holds. */
  const memberDatabase = async (code: string) => {
    const client = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), hub.network.databases.find((name) => name.endsWith(`_nap_${code.toLowerCase()}`))!) });
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'cross', members: ['KE', 'RW', 'SE'] });
  });
  afterAll(() => hub?.stop());

  it('returns every connected AU member plan from that member, and null without an error for the others', async () => {
    const result = await hub.client.execute(FrameworkProgressDocument, { framework: 'AU_CRF' });
    expect(result.status).toBe(200);
    expect(result.errors).toEqual([]);
    const countries = result.data!.countries;
    expect(countries).toHaveLength(55);

    const connected = countries.filter((country) => country.memberStatus === 'ACTIVE').map((country) => country.code);
    expect(connected.sort()).toEqual(['KE', 'RW']);

    // Each member's answer is what its own database holds.
    for (const code of ['KE', 'RW']) {
      const country = countries.find((candidate) => candidate.code === code)!;
      const client = await memberDatabase(code);
      const { rows } = await client.query<{ id: string; title: string }>('SELECT id, title FROM national_action_plan ORDER BY iteration DESC LIMIT 1');
      const indicatorCount = await client.query<{ count: string }>('SELECT count(*) FROM indicator WHERE plan_id = $1', [rows[0]!.id]);
      await client.end();
      expect(country.currentActionPlan?.id).toBe(rows[0]!.id);
      expect(country.currentActionPlan?.title).toBe(rows[0]!.title);
      expect(country.currentActionPlan?.indicators).toHaveLength(Number(indicatorCount.rows[0]!.count));
    }

    const kenya = countries.find((country) => country.code === 'KE')!;
    expect(kenya.currentActionPlan?.period).toEqual({ start: 2020, end: 2024 });
    expect(kenya.currentActionPlan?.indicators[0]?.measurements.length).toBeGreaterThan(0);

    // AU members that run no subgraph: NOT_CONNECTED and a null plan, no error (checked above).
    for (const country of countries.filter((candidate) => !['KE', 'RW'].includes(candidate.code))) {
      expect(country.memberStatus).toBe('NOT_CONNECTED');
      expect(country.currentActionPlan).toBeNull();
    }
    // Sweden runs a subgraph but is not an AU member: not in the list.
    expect(countries.some((country) => country.code === 'SE')).toBe(false);
  });

  it("keeps each member's data with that member: Sweden's plans come from Sweden's subgraph", async () => {
    const result = await hub.client.execute(CountryProfileDocument, { code: 'SE' });
    expect(result.errors).toEqual([]);
    const sweden = result.data!.country!;
    expect(sweden.name).toBe('Sweden');
    expect(sweden.memberships.map((membership) => membership.framework.code).sort()).toEqual(['EU_GAP_III', 'OSCE']);
    expect(sweden.actionPlans?.map((plan) => plan.iteration)).toEqual([1, 2, 3, 4]);
    // Real history with its sources; generated fields are flagged.
    const third = sweden.actionPlans![2]!;
    expect(third.period).toEqual({ start: 2016, end: 2020 });
    expect(third.adoptedOn).toBe('2016-05');
    expect(third.sources.references[0]).toMatch(/^https?:\/\//);
    expect(third.demoFields).toEqual(expect.arrayContaining(['title', 'status']));
    expect(sweden.goodPractices?.map((practice) => practice.title)).toContain('Gender coach programme');
  });

  it('routes a root field by its countryCode argument to that member only', async () => {
    const result = await hub.client.execute(MemberActionPlansDocument, { countryCode: 'RW' });
    expect(result.errors).toEqual([]);
    expect(result.data!.actionPlans!.map((plan) => plan.countryCode)).toEqual(['RW', 'RW', 'RW']);
  });

  it("returns every connected member's logframe, indicator status, latest published values and budget execution, and never a draft", async () => {
    const result = await hub.client.execute(FrameworkPlansDocument, { framework: 'AU_CRF' });
    expect(result.errors).toEqual([]);
    const members = result.data!.countries;
    expect(members.map((country) => country.code).sort()).toEqual(['KE', 'RW']);

    for (const member of members) {
      const plan = member.currentActionPlan!;
      const database = await memberDatabase(member.code);
      const drafts = await database.query<{ id: string }>(
        `SELECT id FROM measurement WHERE status = 'DRAFT' UNION ALL SELECT id FROM budget_line WHERE status = 'DRAFT' UNION ALL SELECT id FROM progress_report WHERE status = 'DRAFT'`,
      );
      const published = await database.query<{ indicator_id: string; value: string | null; period: string }>(
        `SELECT DISTINCT ON (indicator_id) indicator_id, value, period FROM measurement WHERE status = 'PUBLISHED' ORDER BY indicator_id, period DESC, version DESC`,
      );
      await database.end();

      // The logframe covers the four pillars, with the plan's indicators under its outcomes.
      expect(new Set(plan.outcomes.map((outcome) => outcome.pillar))).toEqual(new Set(['PARTICIPATION', 'PREVENTION', 'PROTECTION', 'RELIEF_AND_RECOVERY']));
      const indicators = plan.outcomes.flatMap((outcome) => outcome.indicators);
      expect(indicators.length).toBeGreaterThan(0);
      // Aligned to the framework the member reports against (and never to one it does not belong to).
      expect(indicators.some((indicator) => indicator.alignments.some((alignment) => alignment.frameworkCode === 'AU_CRF'))).toBe(true);
      expect(indicators.some((indicator) => indicator.alignments.some((alignment) => alignment.frameworkCode === 'EU_GAP_III'))).toBe(false);
      for (const indicator of indicators) {
        expect(['ACHIEVED', 'ON_TRACK', 'OFF_TRACK', 'NO_DATA']).toContain(indicator.status);
        // The latest value shown is the latest published one in the member's database.
        const expected = published.rows.find((row) => row.indicator_id === indicator.id);
        if (expected) expect({ period: indicator.latestMeasurement?.period, value: indicator.latestMeasurement?.value }).toEqual({ period: expected.period, value: expected.value === null ? null : Number(expected.value) });
        else expect(indicator.latestMeasurement).toBeNull();
      }
      expect(plan.budget.totals.length).toBeGreaterThan(0);
      for (const total of plan.budget.totals) expect(total.executionRate).toBeCloseTo(total.spent / total.allocated, 3);
      expect(plan.assessment.criteria.map((criterion: { criterion: string }) => criterion.criterion)).toEqual(['INCLUSIVE_DESIGN', 'RESULTS_BASED_MONITORING', 'RESOURCES', 'COORDINATION', 'REPORTING_REGULARITY', 'POLITICAL_WILL']);

      // Nothing in the answer is a draft, although the member's database holds some.
      const shown = new Set([
        ...indicators.flatMap((indicator) => (indicator.latestMeasurement ? [indicator.latestMeasurement.id] : [])),
        ...plan.budgetLines.map((line) => line.id),
        ...plan.reports.map((report) => report.id),
      ]);
      for (const draft of drafts.rows) expect(shown.has(draft.id)).toBe(false);
      expect(indicators.every((indicator) => indicator.latestMeasurement === null || indicator.latestMeasurement.status === 'PUBLISHED')).toBe(true);
      expect(plan.budgetLines.every((line) => line.status === 'PUBLISHED') && plan.reports.every((report) => report.status === 'PUBLISHED')).toBe(true);
      if (member.code === 'RW') expect(drafts.rows.length).toBeGreaterThan(0);
    }
  });

  it("serves any Federation 2 supergraph: the NAP contract as an ordinary subgraph, with plain data sources and no registry", async () => {
    // The same subgraphs, but the contract is composed as "kenya", pointed at Kenya's member: nothing is named nap.
    const sdlOf = (name: string) => readFileSync(path.join(REPO_ROOT, 'subgraphs', name, 'schema.graphql'), 'utf8');
    const composed = composeServices([
      { name: 'regional', url: 'http://regional.invalid/graphql', typeDefs: parse(sdlOf('regional')) },
      { name: 'knowledge', url: 'http://knowledge.invalid/graphql', typeDefs: parse(sdlOf('knowledge')) },
      { name: 'kenya', url: 'http://kenya.invalid/graphql', typeDefs: parse(sdlOf('nap')) },
    ]);
    expect(composed.errors).toBeUndefined();
    const folder = mkdtempSync(path.join(tmpdir(), 'wps-supergraph-'));
    const supergraphPath = path.join(folder, 'supergraph.graphql');
    writeFileSync(supergraphPath, composed.supergraphSdl!);
    const gateway = await spawnService({
      name: 'plain-gateway',
      script: SERVICE_SCRIPTS.gateway,
      logDir: folder,
      env: {
        ...process.env,
        PORT: '0',
        LOG_LEVEL: 'warn',
        SUPERGRAPH_PATH: supergraphPath,
        AUTH_JWKS_FILE: (await testKeys()).jwksFile,
        SUBGRAPH_URLS: `regional=${hub.network.regional.url},knowledge=${hub.network.knowledge.url},kenya=${hub.network.members.get('KE')!.url}`,
      },
    });
    try {
      const { status, body } = await postGraphQL(gateway.url, `{ country(code: "KE") { name memberStatus currentActionPlan { title } } }`);
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data!.country).toEqual({ name: 'Kenya', memberStatus: 'ACTIVE', currentActionPlan: { title: expect.stringContaining('Kenya') } });
      // A plain data source does no routing: another country reaches Kenya's member, which refuses it.
      const other = await postGraphQL(gateway.url, `{ country(code: "SE") { currentActionPlan { title } } }`);
      expect(other.body.data!.country.currentActionPlan).toBeNull();
      expect(other.body.errors![0].extensions.code).toBe('COUNTRY_NOT_SERVED');
    } finally {
      await gateway.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('answers GET /health once the schema and the registry are loaded', async () => {
    const response = await fetch(hub.gatewayUrl.replace(/\/graphql$/, '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', ready: true, members: 3 });
    const ready = await fetch(hub.gatewayUrl.replace(/\/graphql$/, '/ready'));
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', members: 3 }]);
  });
});
