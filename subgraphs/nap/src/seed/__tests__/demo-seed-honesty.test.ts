import { napHistoryOf, parliamentShareOf, sourcedPlanFactsOf } from '@wps/data';
import { closeTestSubgraph, openTestSubgraphDatabase, type TestDatabase } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { napEntities } from '../../entities.js';
import { claimDatabaseForCountry } from '../../member/member-database.js';
import { napMigrations } from '../../migrations/index.js';
import { PARLIAMENT_SHARE, seedDemoMember } from '../seed-demo-member.js';
import { sourcedFinancingEntries, sourcedFinancingOf } from '../sourced-financing.js';

const TODAY = new Date('2026-12-01T00:00:00Z');

/**
 * The demo seed walked row by row (issue 13, honest demo data): every row it
 * generates says so, and what the sources give (adoption dates with their
 * precision) is taken as it is, never made more precise or invented.
 * Kenya's dates are days, Uganda's first a month, Rwanda's unknown; Botswana
 * has no history and gets a synthetic profile on a scale run. Uganda's
 * costed estimate and mid-term evaluation and Georgia's allocated budget are
 * sourced figures, taken as real data.
 */
describe.each(['KE', 'UG', 'RW', 'NG', 'GE', 'BW'])('the demo seed of %s', (countryCode) => {
  let database: TestDatabase | undefined;
  let owner: DataSource | undefined;

  beforeAll(async () => {
    ({ database, dataSource: owner } = await openTestSubgraphDatabase(`seedhonest${countryCode.toLowerCase()}`, napEntities, napMigrations));
    await claimDatabaseForCountry(owner, countryCode);
    await seedDemoMember(owner, countryCode, TODAY, { synthetic: true });
  });
  afterAll(() => closeTestSubgraph({ dataSource: owner, database }));

  it('flags every row it generates', async () => {
    const tables = (await owner!.query(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'is_demo' ORDER BY table_name`,
    )) as { table_name: string }[];
    expect(tables.map((table) => table.table_name)).toEqual(expect.arrayContaining(['indicator', 'measurement', 'budget_line', 'progress_report', 'outcome']));
    for (const { table_name: table } of tables) {
      const [{ generated, unflagged }] = (await owner!.query(
        `SELECT count(*)::int AS generated, count(*) FILTER (WHERE NOT is_demo)::int AS unflagged FROM ${owner!.driver.escape(table)}`,
      )) as { generated: number; unflagged: number }[];
      // The only rows not flagged are the reports a source names (their title cites it).
      const sourced = table === 'progress_report' ? ((await owner!.query(`SELECT count(*)::int AS n FROM progress_report WHERE NOT is_demo AND title LIKE '%http%'`)) as { n: number }[])[0]!.n : 0;
      expect({ table, unflagged }).toEqual({ table, unflagged: sourced });
      if (table === 'indicator') expect(generated).toBeGreaterThan(0);
    }
  });

  it('takes adoption dates as precise as the sources give them, and invents none', async () => {
    const plans = (await owner!.query(`SELECT iteration, adopted_on, demo_fields FROM national_action_plan ORDER BY iteration`)) as {
      iteration: number;
      adopted_on: string | null;
      demo_fields: string[];
    }[];
    const history = napHistoryOf(countryCode);
    expect(plans.length).toBe(history?.naps.length ?? 1);
    for (const plan of plans) {
      const sourced = history?.naps.find((entry) => entry.iteration === plan.iteration)?.adopted ?? null;
      expect({ iteration: plan.iteration, adoptedOn: plan.adopted_on }).toEqual({ iteration: plan.iteration, adoptedOn: sourced });
      expect(plan.demo_fields).not.toContain('adoptedOn');
    }
  });

  it('never generates a plan fact that contradicts a sourced one in data/ (Kenya: its lead ministries, focus and civil society in the design), and keeps generated ones flagged', async () => {
    const plans = (await owner!.query(
      `SELECT iteration, lead_agency, focus, civil_society_roles, coordination_mechanism, pillars, costed, source_note, demo_fields FROM national_action_plan ORDER BY iteration`,
    )) as { iteration: number; lead_agency: string | null; focus: string | null; civil_society_roles: string[]; coordination_mechanism: string | null; pillars: string[]; costed: boolean | null; source_note: string | null; demo_fields: string[] }[];
    const columns = { leadAgency: 'lead_agency', focus: 'focus', civilSocietyRoles: 'civil_society_roles', coordinationMechanism: 'coordination_mechanism', pillars: 'pillars' } as const;
    for (const plan of plans) {
      const sourced = sourcedPlanFactsOf(countryCode, plan.iteration);
      for (const [field, column] of Object.entries(columns)) {
        const value = sourced?.[field as keyof typeof columns];
        if (value === undefined) continue;
        expect({ field, value: plan[column] }).toEqual({ field, value });
        expect(plan.demo_fields).not.toContain(field);
      }
      // The notes' budget facts win over a generated flag.
      const note = plan.source_note?.toLowerCase() ?? '';
      if (note.includes('no allocated budget')) expect(plan.costed).not.toBe(true);
      else if (note.includes('allocated budget')) expect(plan.costed).not.toBe(false);
      // Any other fact that is set and not sourced is flagged.
      for (const [field, column] of Object.entries(columns)) {
        const value = plan[column];
        const set = Array.isArray(value) ? value.length > 0 : value !== null;
        if (set && sourced?.[field as keyof typeof columns] === undefined) expect({ field, flagged: plan.demo_fields.includes(field) }).toEqual({ field, flagged: true });
      }
    }
    if (countryCode === 'KE') expect(plans.find((plan) => plan.iteration === 2)!.lead_agency).toMatch(/^Ministry of Public Service and Gender/);
  });

  it("takes a plan's reporting cadence only from the sources (Georgia's fourth NAP: six-monthly, as its note says), and generates none", async () => {
    const plans = (await owner!.query(
      `SELECT iteration, reporting_cadence, reporting_cadence_note, reporting_cadence_sources, demo_fields FROM national_action_plan ORDER BY iteration`,
    )) as { iteration: number; reporting_cadence: string | null; reporting_cadence_note: string | null; reporting_cadence_sources: string[]; demo_fields: string[] }[];
    for (const plan of plans) {
      const sourced = sourcedPlanFactsOf(countryCode, plan.iteration)?.reportingCadence;
      expect({ iteration: plan.iteration, cadence: plan.reporting_cadence, note: plan.reporting_cadence_note, sources: plan.reporting_cadence_sources }).toEqual(
        sourced ? { iteration: plan.iteration, cadence: sourced.cadence, note: sourced.note, sources: sourced.sources } : { iteration: plan.iteration, cadence: null, note: null, sources: [] },
      );
      expect(plan.demo_fields).not.toContain('reportingCadence');
      if (sourced?.cadence === 'SEMI_ANNUAL') expect(napHistoryOf(countryCode)!.naps.find((entry) => entry.iteration === plan.iteration)!.note).toContain('six-monthly progress reports');
    }
    if (countryCode === 'GE') expect(plans.find((plan) => plan.iteration === 4)).toMatchObject({ reporting_cadence: 'SEMI_ANNUAL', reporting_cadence_sources: ['https://1325naps.peacewomen.org/index.php/country/georgia/'] });
  });

  it("generates the parliament share near the sourced real value where data/ has one (Rwanda about 61%, Nigeria about 4%), still flagged demo", async () => {
    const sourced = parliamentShareOf(countryCode);
    const values = (await owner!.query(
      `SELECT m.value::float8 AS value, m.is_demo, i.baseline_value::float8 AS baseline, i.target_value::float8 AS target FROM measurement m JOIN indicator i ON i.id = m.indicator_id WHERE i.code = $1`,
      [`${countryCode}-${PARLIAMENT_SHARE}`],
    )) as { value: number; is_demo: boolean; baseline: number; target: number }[];
    if (!sourced) return;
    expect(values.length).toBeGreaterThan(0);
    for (const row of values) {
      expect(row.is_demo).toBe(true);
      for (const value of [row.value, row.baseline, row.target]) {
        expect(value).toBeGreaterThanOrEqual(sourced.share - 3);
        expect(value).toBeLessThanOrEqual(sourced.share + 4);
      }
    }
  });

  it('uses the financing figures the sources give as real data, and flags every generated one', async () => {
    const plans = (await owner!.query(
      `SELECT iteration, costed, costed_estimate::float8 AS estimate, costed_estimate_currency AS currency, costed_estimate_source AS source, demo_fields FROM national_action_plan ORDER BY iteration`,
    )) as { iteration: number; costed: boolean | null; estimate: number | null; currency: string | null; source: string | null; demo_fields: string[] }[];
    for (const plan of plans) {
      const sourced = sourcedFinancingOf(countryCode, plan.iteration);
      if (sourced?.costedEstimate) {
        expect(plan).toMatchObject({ estimate: sourced.costedEstimate.amount, currency: sourced.costedEstimate.currency, source: sourced.costedEstimate.source });
        expect(plan.demo_fields).not.toContain('costedEstimate');
      } else if (plan.estimate !== null) {
        // A generated estimate is flagged, says so where it names its source, and exists only for a plan marked costed.
        expect(plan.demo_fields).toContain('costedEstimate');
        expect(plan.source).toMatch(/^Demo value/);
        expect(plan.costed).toBe(true);
      }
      if (sourced?.allocated) {
        const [lines] = (await owner!.query(
          `SELECT sum(allocated)::float8 AS allocated, array_agg(DISTINCT currency) AS currencies FROM budget_line WHERE plan_id = (SELECT id FROM national_action_plan WHERE iteration = $1)`,
          [plan.iteration],
        )) as { allocated: number; currencies: string[] }[];
        expect(lines).toEqual({ allocated: sourced.allocated.amount, currencies: [sourced.allocated.currency] });
      }
      for (const report of sourced?.reports ?? []) {
        const found = (await owner!.query(`SELECT kind, period_end, is_demo, findings, published_at FROM progress_report WHERE title = $1`, [report.title])) as Record<string, unknown>[];
        expect(found).toEqual([{ kind: report.kind, period_end: report.year, is_demo: false, findings: [], published_at: null }]);
      }
    }
    // Disbursements never add up to more than their line's disbursed total, and are in its currency by construction.
    const over = (await owner!.query(
      `SELECT l.id FROM budget_line l JOIN disbursement d ON d.budget_line_id = l.id GROUP BY l.id, l.disbursed HAVING sum(d.amount) > l.disbursed`,
    )) as unknown[];
    expect(over).toEqual([]);
  });
});

describe('the sourced financing figures', () => {
  it.each(sourcedFinancingEntries())('%s: are what the notes of data/naps.json say', (key, sourced) => {
    const [countryCode, iteration] = key.split(':');
    const note = napHistoryOf(countryCode!)?.naps.find((entry) => entry.iteration === Number(iteration))?.note ?? '';
    const written = (amount: number) => amount.toLocaleString('en-US');
    if (sourced.costedEstimate) expect(note).toContain(`${sourced.costedEstimate.currency} ${written(sourced.costedEstimate.amount)}`);
    if (sourced.allocated) expect(note).toContain(`${sourced.allocated.currency} ${written(sourced.allocated.amount)}`);
    for (const report of sourced.reports ?? []) expect(note).toContain(`mid-term evaluation ${report.year}`);
  });
});
