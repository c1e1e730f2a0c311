import { exportProgressCsv, PROGRESS_COLUMNS } from '@wps/cli';
import { Role, signDevToken } from '@wps/kit';
import { databaseUrl } from '@wps/launcher';
import { FrameworkCoverageDocument, IndicatorProgressDocument, PillarIndicatorsProgressDocument } from '@wps/sdk';
import { postGraphQL, startTestNetwork, testAdminUrl, type TestNetwork } from '@wps/tests';
import { parse as parseCsv } from 'csv-parse/sync';
import pg from 'pg';

const STATUS_RANK = { OFF_TRACK: 0, ON_TRACK: 1, ACHIEVED: 2 } as const;
const THIS_YEAR = new Date().getUTCFullYear();

/**
 * The hub's headline (issue 4): a regional organisation asks one question and
 * gets every member's answer, computed at query time by each member's own
 * subgraph, with summaries computed from what the members returned.
 */
describe('cross-country progress against a regional framework', () => {
  let hub: TestNetwork;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'progress', members: ['KE', 'RW', 'SE'] });
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

  /** Count rows the way the summary must: connected rows by status (null = no data), the others as not connected. */
  const expectedSummary = (rows: { memberStatus: string; status?: string | null }[]) => {
    const connected = rows.filter((row) => row.memberStatus !== 'NOT_CONNECTED');
    const count = (status: string) => connected.filter((row) => row.status === status).length;
    return {
      achieved: count('ACHIEVED'),
      onTrack: count('ON_TRACK'),
      offTrack: count('OFF_TRACK'),
      noData: connected.filter((row) => !row.status || row.status === 'NO_DATA').length,
      notConnected: rows.length - connected.length,
      reporting: count('ACHIEVED') + count('ON_TRACK') + count('OFF_TRACK'),
      unavailable: 0,
    };
  };

  it("returns the AU CRF participation indicators with every AU member's progress and the per-indicator summary", async () => {
    const result = await hub.client.execute(PillarIndicatorsProgressDocument, { framework: 'AU_CRF', pillar: 'PARTICIPATION' });
    expect(result.errors).toEqual([]);
    const framework = result.data!.framework!;
    expect(framework.indicators.map((indicator) => indicator.code)).toEqual(['AU-PAR-1', 'AU-PAR-2', 'AU-PAR-3']);
    for (const indicator of framework.indicators) {
      expect(indicator.illustrative).toBe(true);
      const rows = indicator.progress.rows;
      expect(rows).toHaveLength(55);
      expect(rows.filter((row) => row.memberStatus === 'ACTIVE').map((row) => row.countryCode).sort()).toEqual(['KE', 'RW']);
      for (const row of rows.filter((candidate) => candidate.memberStatus === 'NOT_CONNECTED')) expect(row.status).toBeNull();
      for (const row of rows.filter((candidate) => candidate.memberStatus === 'ACTIVE')) expect(['ACHIEVED', 'ON_TRACK', 'OFF_TRACK', 'NO_DATA']).toContain(row.status);
      expect(indicator.progress.summary).toEqual(expectedSummary(rows));
      expect(indicator.progress.summary.notConnected).toBe(53);
    }
    // The pillar summary counts every member × indicator row of the pillar.
    const participation = framework.pillarProgress.find((pillar) => pillar.pillar === 'PARTICIPATION')!;
    const allRows = framework.indicators.flatMap((indicator) => indicator.progress.rows);
    expect(participation.summary).toEqual({ rows: allRows.length, ...expectedSummary(allRows) });
  });

  it("resolves a member's row in that member: its aligned national indicators, their latest published values, and the worst status", async () => {
    const result = await hub.client.execute(IndicatorProgressDocument, { frameworkCode: 'AU_CRF', code: 'AU-PAR-1' });
    expect(result.errors).toEqual([]);
    const kenya = result.data!.frameworkIndicator!.progress.rows.find((row) => row.countryCode === 'KE')!;
    const aligned = await memberSql<{ code: string }>(
      'KE',
      `SELECT i.code FROM indicator i JOIN indicator_alignment a ON a.indicator_id = i.id
       WHERE a.framework_code = 'AU_CRF' AND a.indicator_code = 'AU-PAR-1'
         AND i.plan_id = (SELECT id FROM national_action_plan WHERE period_start <= $1 ORDER BY iteration DESC LIMIT 1) ORDER BY i.code`,
      [THIS_YEAR],
    );
    expect(kenya.indicators!.map((indicator) => indicator.indicator.code).sort()).toEqual(aligned.map((row) => row.code));
    expect(aligned.length).toBeGreaterThan(0);
    for (const indicator of kenya.indicators!) {
      const [latest] = await memberSql<{ period: string; value: string | null }>(
        'KE',
        `SELECT period, value FROM measurement m JOIN indicator i ON i.id = m.indicator_id
         WHERE i.code = $1 AND m.status = 'PUBLISHED' ORDER BY m.period DESC, m.version DESC LIMIT 1`,
        [indicator.indicator.code],
      );
      expect({ period: indicator.latestPeriod, value: indicator.latestValue }).toEqual({ period: latest?.period ?? null, value: latest?.value == null ? null : Number(latest.value) });
    }
    const statuses = kenya.indicators!.map((indicator) => indicator.status).filter((status) => status !== 'NO_DATA') as (keyof typeof STATUS_RANK)[];
    const worst = statuses.length === 0 ? 'NO_DATA' : statuses.reduce((a, b) => (STATUS_RANK[a] <= STATUS_RANK[b] ? a : b));
    expect(kenya.status).toBe(worst);
  });

  it('shows the same figures for a past year in the same query, so what changed since last year is one request', async () => {
    const { status, body } = await postGraphQL(
      hub.gatewayUrl,
      /* GraphQL */ `query Change($last: Int!) {
        frameworkIndicator(frameworkCode: "AU_CRF", code: "AU-PRO-1") {
          now: progress { year summary { reporting achieved onTrack offTrack noData } rows { countryCode indicators { latestPeriod } } }
          lastYear: progress(year: $last) { year summary { reporting achieved onTrack offTrack noData } rows { countryCode indicators { latestPeriod } } }
        }
      }`,
      { last: THIS_YEAR - 2 },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const { now, lastYear } = body.data!.frameworkIndicator;
    expect([now.year, lastYear.year]).toEqual([THIS_YEAR, THIS_YEAR - 2]);
    // As of the past year, no value from a later period counts.
    for (const row of lastYear.rows) for (const indicator of row.indicators ?? []) if (indicator.latestPeriod) expect(Number(indicator.latestPeriod.slice(0, 4))).toBeLessThanOrEqual(THIS_YEAR - 2);
    const latestNow = now.rows.flatMap((row: { indicators: { latestPeriod: string | null }[] | null }) => row.indicators ?? []).map((indicator: { latestPeriod: string | null }) => indicator.latestPeriod);
    expect(latestNow.some((period: string | null) => period !== null && Number(period.slice(0, 4)) > THIS_YEAR - 2)).toBe(true);
  });

  it('reports coverage: which members have a current NAP, a costed budget, an M&E framework and a report on the last cycle', async () => {
    const result = await hub.client.execute(FrameworkCoverageDocument, { framework: 'AU_CRF' });
    expect(result.errors).toEqual([]);
    const coverage = result.data!.framework!.coverage;
    expect(coverage.members).toHaveLength(55);
    for (const code of ['KE', 'RW']) {
      const row = coverage.members.find((member) => member.countryCode === code)!;
      const [plan] = await memberSql<{ period_start: number; period_end: number | null; costed: boolean | null; id: string }>(
        code,
        'SELECT id, period_start, period_end, costed FROM national_action_plan ORDER BY iteration DESC LIMIT 1',
      );
      const reports = await memberSql<{ period_start: number; period_end: number }>(
        code,
        `SELECT period_start, period_end FROM progress_report WHERE plan_id = $1 AND status = 'PUBLISHED' AND kind IN ('ANNUAL', 'PARLIAMENTARY')`,
        [plan!.id],
      );
      expect(row).toMatchObject({
        memberStatus: 'ACTIVE',
        hasCurrentPlan: plan!.period_start <= THIS_YEAR && (plan!.period_end === null || THIS_YEAR <= plan!.period_end),
        costed: plan!.costed === true,
        reportedLastCycle: reports.some((report) => report.period_start <= THIS_YEAR - 1 && THIS_YEAR - 1 <= report.period_end),
      });
    }
    for (const row of coverage.members.filter((member) => member.memberStatus === 'NOT_CONNECTED')) {
      expect([row.hasCurrentPlan, row.costed, row.hasMonitoringFramework, row.reportedLastCycle]).toEqual([null, null, null, null]);
    }
    const count = (field: 'hasCurrentPlan' | 'costed' | 'hasMonitoringFramework' | 'reportedLastCycle') => coverage.members.filter((member) => member[field] === true).length;
    expect(coverage.summary).toMatchObject({
      members: 55,
      connected: 2,
      withCurrentPlan: count('hasCurrentPlan'),
      costed: count('costed'),
      withMonitoringFramework: count('hasMonitoringFramework'),
      reportedLastCycle: count('reportedLastCycle'),
    });
    expect(coverage.summary.currentPlanShare).toBeCloseTo(count('hasCurrentPlan') / 55, 4);
  });

  it('lists, per member, the alignments that match no entry of the framework catalogue', async () => {
    const [indicator] = await memberSql<{ id: string }>('KE', `SELECT i.id FROM indicator i ORDER BY i.position LIMIT 1`);
    const token = await signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE' });
    const { body } = await postGraphQL(
      hub.gatewayUrl,
      `mutation ($id: ID!) { setIndicatorAlignments(countryCode: "KE", indicatorId: $id, alignments: [{ frameworkCode: AU_CRF, indicatorCode: "AU-PAR-1" }, { frameworkCode: AU_CRF, indicatorCode: "AU-PAR-99" }]) { id } }`,
      { id: indicator!.id },
      { authorization: `Bearer ${token}` },
    );
    expect(body.errors).toBeUndefined();
    const result = await hub.client.execute(FrameworkCoverageDocument, { framework: 'AU_CRF' });
    expect(result.errors).toEqual([]);
    const reports = result.data!.framework!.alignmentReports;
    expect(reports.map((report) => report.countryCode).sort()).toEqual(['KE', 'RW']);
    const kenya = reports.find((report) => report.countryCode === 'KE')!;
    expect(kenya.alignedCodes).toContain('AU-PAR-99');
    expect(kenya.unmatchedCodes).toContain('AU-PAR-99');
    expect(kenya.unmatchedCodes).not.toContain('AU-PAR-1');
  });

  it('exports the framework as CSV through the typed client: one line per member × framework indicator × aligned national indicator', async () => {
    const exported = await exportProgressCsv(hub.client, 'AU_CRF');
    const records = parseCsv(exported.csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(PROGRESS_COLUMNS.map(([name]) => name));
    expect(records).toHaveLength(exported.lines);
    expect(exported.unavailable).toEqual([]);
    const catalogueSize = new Set(records.map((record) => record.framework_indicator)).size;
    expect(catalogueSize).toBe(10);
    // Members without a subgraph: one line per framework indicator, national columns empty.
    const algeria = records.filter((record) => record.country === 'DZ');
    expect(algeria).toHaveLength(catalogueSize);
    expect(algeria.every((record) => record.member_status === 'NOT_CONNECTED' && record.national_indicator === '')).toBe(true);
    // Kenya: a line for each aligned national indicator, with its status.
    const kenya = records.filter((record) => record.country === 'KE' && record.framework_indicator === 'AU-PAR-1');
    expect(kenya.length).toBeGreaterThan(0);
    expect(kenya.every((record) => record.national_indicator.startsWith('KE-') && ['ACHIEVED', 'ON_TRACK', 'OFF_TRACK', 'NO_DATA'].includes(record.indicator_status))).toBe(true);
  });

  it("changes only a failed member's rows, counting it as unavailable (not as no data), with one error naming it", async () => {
    const before = await hub.client.execute(IndicatorProgressDocument, { frameworkCode: 'AU_CRF', code: 'AU-PRO-1' });
    const pillarBefore = await hub.client.execute(PillarIndicatorsProgressDocument, { framework: 'AU_CRF', pillar: 'PARTICIPATION' });
    const coverageBefore = await hub.client.execute(FrameworkCoverageDocument, { framework: 'AU_CRF' });
    const rwandaBefore = before.data!.frameworkIndicator!.progress.rows.find((row) => row.countryCode === 'RW')!;
    await hub.network.members.get('RW')!.stop();
    try {
      const after = await hub.client.execute(IndicatorProgressDocument, { frameworkCode: 'AU_CRF', code: 'AU-PRO-1' });
      expect(after.status).toBe(200);
      const rows = after.data!.frameworkIndicator!.progress.rows;
      const rwanda = rows.find((row) => row.countryCode === 'RW')!;
      expect(rwanda).toMatchObject({ memberStatus: 'ACTIVE', status: null, indicators: null });
      // Everyone else's rows are what they were.
      expect(rows.filter((row) => row.countryCode !== 'RW')).toEqual(before.data!.frameworkIndicator!.progress.rows.filter((row) => row.countryCode !== 'RW'));
      const summaryBefore = before.data!.frameworkIndicator!.progress.summary;
      const summaryAfter = after.data!.frameworkIndicator!.progress.summary;
      const reported = rwandaBefore.status === 'NO_DATA' ? 0 : 1;
      expect(summaryBefore.unavailable).toBe(0);
      // Every count but the failed member's moves stays (the on-track share is over who reports, so it may change).
      const { onTrackShare: _before, ...countsBefore } = summaryBefore;
      const { onTrackShare: _after, ...countsAfter } = summaryAfter;
      expect(countsAfter).toEqual({
        ...countsBefore,
        reporting: summaryBefore.reporting - reported,
        achieved: summaryBefore.achieved - (rwandaBefore.status === 'ACHIEVED' ? 1 : 0),
        onTrack: summaryBefore.onTrack - (rwandaBefore.status === 'ON_TRACK' ? 1 : 0),
        offTrack: summaryBefore.offTrack - (rwandaBefore.status === 'OFF_TRACK' ? 1 : 0),
        noData: summaryBefore.noData - (1 - reported),
        unavailable: 1,
      });
      // Still connected (registered and routed to): unavailable is not "not connected".
      expect(summaryAfter.notConnected).toBe(summaryBefore.notConnected);
      expect(summaryAfter.connected).toBe(summaryBefore.connected);
      expect(after.errors).toHaveLength(1);
      expect(after.errors[0]!.extensions).toEqual({ code: 'MEMBER_UNAVAILABLE', country: 'RW', reason: 'unreachable' });

      // A pillar counts the failed member's row on each of its indicators as unavailable; the coverage counts it once.
      const pillarAfter = await hub.client.execute(PillarIndicatorsProgressDocument, { framework: 'AU_CRF', pillar: 'PARTICIPATION' });
      const participation = (result: typeof pillarAfter) => result.data!.framework!.pillarProgress.find((pillar) => pillar.pillar === 'PARTICIPATION')!.summary;
      const indicators = pillarAfter.data!.framework!.indicators.length;
      expect(participation(pillarAfter).unavailable).toBe(indicators);
      expect(participation(pillarAfter).notConnected).toBe(participation(pillarBefore).notConnected);
      expect(participation(pillarAfter).reporting + participation(pillarAfter).noData).toBe(participation(pillarBefore).reporting + participation(pillarBefore).noData - indicators);
      for (const indicator of pillarAfter.data!.framework!.indicators) expect(indicator.progress.summary.unavailable).toBe(1);
      const coverageAfter = await hub.client.execute(FrameworkCoverageDocument, { framework: 'AU_CRF' });
      expect(coverageBefore.data!.framework!.coverage.summary.unavailable).toBe(0);
      expect(coverageAfter.data!.framework!.coverage.summary).toMatchObject({ members: 55, connected: 2, unavailable: 1 });
    } finally {
      await hub.network.startMember('RW');
    }
  });
});
