import { napHistoryOf } from '@wps/data';
import { closeTestSubgraph, openTestSubgraphDatabase, type TestDatabase } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { napEntities } from '../../entities.js';
import { claimDatabaseForCountry } from '../../member/member-database.js';
import { napMigrations } from '../../migrations/index.js';
import { seedDemoMember } from '../seed-demo-member.js';

const TODAY = new Date('2026-12-01T00:00:00Z');

/**
 * The demo seed walked row by row (issue 13, honest demo data): every row it
 * generates says so, and what the sources give (adoption dates with their
 * precision) is taken as it is, never made more precise or invented.
 * Kenya's dates are days, Uganda's first a month, Rwanda's unknown; Botswana
 * has no history and gets a synthetic profile on a scale run.
 */
describe.each(['KE', 'UG', 'RW', 'BW'])('the demo seed of %s', (countryCode) => {
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
      expect({ table, unflagged }).toEqual({ table, unflagged: 0 });
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
});
