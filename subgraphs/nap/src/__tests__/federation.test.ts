import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { committedSubgraphSdl, openTestSubgraphDatabase, servedSubgraphSdl } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { napEntities } from '../entities.js';
import { claimDatabaseForCountry } from '../member/member-database.js';
import { napMigrations } from '../migrations/index.js';
import { seedDemoMember, type SeedSummary } from '../seed/seed-demo-member.js';
import { startNapHarness, type NapHarness } from './nap-harness.js';

/**
 * A fixed "today" so the seed (statuses, which years are measured, drafts) is
 * the same on every run. The year before it, 2023, falls in Kenya's 2020–2024
 * plan, so the seed makes some DRAFT measurements for it.
 */
const TODAY = new Date('2024-06-01T00:00:00Z');

const ENTITIES_QUERY = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Country { code actionPlans { id } }
      ... on NationalActionPlan { countryCode id iteration }
      ... on Indicator { countryCode id code }
      ... on Measurement { countryCode id period value status }
    }
  }
`;



/** The seeded rows that must not depend on when or where the seed ran (timestamps of the insert excluded). */
async function seededRows(dataSource: DataSource) {
  return {
    plans: await dataSource.query(
      `SELECT id, iteration, title, period_start, period_end, status, adopted_on, source_references, source_note, source_conflict, verified, demo_fields
       FROM national_action_plan ORDER BY id`,
    ),
    indicators: await dataSource.query('SELECT * FROM indicator ORDER BY id'),
    measurements: await dataSource.query('SELECT * FROM measurement ORDER BY id'),
  };
}

describe('the NAP subgraph of one member (KE), asked directly', () => {
  let member: NapHarness | undefined;
  let dataSource: DataSource | undefined;
  let url: string;
  let summary: SeedSummary | null;
  let rowsAfterSeed: Awaited<ReturnType<typeof seededRows>>;

  beforeAll(async () => {
    // The public's view: the member verifies no token here.
    member = await startNapHarness({
      label: 'nap',
      verifyTokens: false,
      seed: async (source, countryCode) => {
        summary = await seedDemoMember(source, countryCode, TODAY);
        rowsAfterSeed = await seededRows(source);
      },
    });
    ({ dataSource, url } = member);
  });

  afterAll(() => member?.close());

  const ask = (query: string, variables: Record<string, unknown> = {}) => member!.ask(query, variables);
  const entities = (representations: Record<string, unknown>[]) => ask(ENTITIES_QUERY, { representations });

  /** One row of a table, straight from the database. */
  async function firstRow<T>(sql: string, parameters: unknown[] = []): Promise<T> {
    const rows = (await dataSource!.query(sql, parameters)) as T[];
    if (rows.length === 0) throw new Error(`no row for: ${sql}`);
    return rows[0]!;
  }

  /** A DRAFT measurement id: one the seed made for the year before TODAY, or one inserted here if it made none. */
  async function draftMeasurement(): Promise<{ id: string; indicator_id: string }> {
    const drafts = (await dataSource!.query(`SELECT id, indicator_id FROM measurement WHERE status = 'DRAFT' ORDER BY id LIMIT 1`)) as { id: string; indicator_id: string }[];
    if (drafts.length > 0) return drafts[0]!;
    const indicator = await firstRow<{ id: string }>('SELECT id FROM indicator ORDER BY id LIMIT 1');
    const id = randomUUID();
    await dataSource!.query(
      `INSERT INTO measurement (id, indicator_id, period, value, status, is_demo, recorded_at, recorded_by)
       VALUES ($1, $2, '2099', 1, 'DRAFT', true, now(), 'test')`,
      [id, indicator.id],
    );
    return { id, indicator_id: indicator.id };
  }

  it('serves in _service.sdl the schema of the committed contract file subgraphs/nap/schema.graphql (minus its header)', async () => {
    expect(await servedSubgraphSdl(url)).toBe(committedSubgraphSdl(path.resolve(__dirname, '..', '..')));
    const { body } = await ask('{ _service { sdl } }');
    expect(body.data!._service.sdl).toContain('@key(fields: "countryCode id")');
  });

  it('resolves every key type through _entities: Country by code, plan, indicator and measurement by countryCode and id', async () => {
    const plan = await firstRow<{ id: string; iteration: number }>('SELECT id, iteration FROM national_action_plan ORDER BY iteration DESC LIMIT 1');
    const indicator = await firstRow<{ id: string; code: string }>('SELECT id, code FROM indicator WHERE plan_id = $1 ORDER BY position LIMIT 1', [plan.id]);
    const measurement = await firstRow<{ id: string; period: string; value: string }>(
      `SELECT id, period, value FROM measurement WHERE indicator_id = $1 AND status = 'PUBLISHED' ORDER BY period LIMIT 1`,
      [indicator.id],
    );
    const planIds = ((await dataSource!.query('SELECT id FROM national_action_plan ORDER BY iteration')) as { id: string }[]).map((row) => ({ id: row.id }));

    const { status, body } = await entities([
      { __typename: 'Country', code: 'KE' },
      { __typename: 'NationalActionPlan', countryCode: 'KE', id: plan.id },
      { __typename: 'Indicator', countryCode: 'KE', id: indicator.id },
      { __typename: 'Measurement', countryCode: 'KE', id: measurement.id },
    ]);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(planIds).toHaveLength(2);
    expect(body.data!._entities).toEqual([
      { __typename: 'Country', code: 'KE', actionPlans: planIds },
      { __typename: 'NationalActionPlan', countryCode: 'KE', id: plan.id, iteration: plan.iteration },
      { __typename: 'Indicator', countryCode: 'KE', id: indicator.id, code: indicator.code },
      { __typename: 'Measurement', countryCode: 'KE', id: measurement.id, period: measurement.period, value: Number(measurement.value), status: 'PUBLISHED' },
    ]);
  });

  it('answers null, without an error, for an unknown id and for a malformed id of every keyed type', async () => {
    const unknown = randomUUID();
    const { status, body } = await entities([
      { __typename: 'NationalActionPlan', countryCode: 'KE', id: unknown },
      { __typename: 'Indicator', countryCode: 'KE', id: unknown },
      { __typename: 'Measurement', countryCode: 'KE', id: unknown },
      { __typename: 'NationalActionPlan', countryCode: 'KE', id: 'not-a-uuid' },
      { __typename: 'Indicator', countryCode: 'KE', id: "1' OR '1'='1" },
      { __typename: 'Measurement', countryCode: 'KE', id: 42 },
    ]);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([null, null, null, null, null, null]);
  });

  it('does not resolve a DRAFT measurement through _entities (no back door to drafts), while a published one resolves', async () => {
    const draft = await draftMeasurement();
    const published = await firstRow<{ id: string }>(`SELECT id FROM measurement WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`);
    const { body } = await entities([
      { __typename: 'Measurement', countryCode: 'KE', id: draft.id },
      { __typename: 'Measurement', countryCode: 'KE', id: published.id },
    ]);
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities[0]).toBeNull();
    expect(body.data!._entities[1]).toMatchObject({ id: published.id, status: 'PUBLISHED' });
  });

  it('lists in Indicator.measurements the current PUBLISHED version of each period, oldest period first', async () => {
    const draft = await draftMeasurement();
    const published = ((await dataSource!.query(`SELECT DISTINCT ON (period) id FROM measurement WHERE indicator_id = $1 AND status = 'PUBLISHED' ORDER BY period, version DESC`, [
      draft.indicator_id,
    ])) as { id: string }[]).map((row) => row.id);
    expect(published.length).toBeGreaterThan(0);
    const { body } = await ask(`query ($id: ID!) { indicator(countryCode: "KE", id: $id) { id measurements { id status } } }`, { id: draft.indicator_id });
    expect(body.errors).toBeUndefined();
    const measurements = body.data!.indicator.measurements as { id: string; status: string }[];
    expect(measurements.map((measurement) => measurement.id)).toEqual(published);
    expect(measurements.map((measurement) => measurement.id)).not.toContain(draft.id);
    expect(new Set(measurements.map((measurement) => measurement.status))).toEqual(new Set(['PUBLISHED']));
  });

  it('refuses to claim the KE database for NG, naming both countries', async () => {
    await expect(claimDatabaseForCountry(dataSource!, 'NG')).rejects.toThrow(/(?=.*\bKE\b)(?=.*\bNG\b)/);
    // Claiming it again for its own country is fine, and the record is unchanged.
    await expect(claimDatabaseForCountry(dataSource!, 'KE')).resolves.toBeUndefined();
    expect(await dataSource!.query(`SELECT key, value FROM member_setting`)).toEqual([{ key: 'country_code', value: 'KE' }]);
  });

  it('seeds deterministically: a second fresh database seeded for KE on the same day holds the same plans, indicators and measurements', async () => {
    expect(summary).not.toBeNull();
    expect(summary!.plans).toBe(2);
    expect(summary!.indicators).toBeGreaterThan(0);
    expect(summary!.measurements).toBeGreaterThan(0);
    expect(rowsAfterSeed.measurements).toHaveLength(summary!.measurements);
    // Drafts are only ever the year before "today" (still being validated).
    const drafts = (rowsAfterSeed.measurements as { status: string; period: string }[]).filter((row) => row.status === 'DRAFT');
    expect(drafts.length).toBeGreaterThan(0);
    expect(new Set(drafts.map((row) => row.period))).toEqual(new Set([String(TODAY.getUTCFullYear() - 1)]));

    const { database: second, dataSource: secondSource } = await openTestSubgraphDatabase('napseed', napEntities, napMigrations);
    try {
      const secondSummary = await seedDemoMember(secondSource, 'KE', TODAY);
      expect(secondSummary).toEqual(summary);
      expect(await seededRows(secondSource)).toEqual(rowsAfterSeed);
      // The seed never writes over existing data.
      await expect(seedDemoMember(secondSource, 'KE', TODAY)).resolves.toBeNull();
    } finally {
      await secondSource.destroy();
      await second.drop();
    }
  });

  it('says a plan is inForce on a date within its period: Kenya 2020–2024 yes, 2016–2018 no', async () => {
    const { body } = await ask(`{ actionPlans(countryCode: "KE") { iteration period { start end } inForce(on: "2022-03-01") } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.actionPlans).toEqual([
      { iteration: 1, period: { start: 2016, end: 2018 }, inForce: false },
      { iteration: 2, period: { start: 2020, end: 2024 }, inForce: true },
    ]);
  });

  it('answers inForce(on: "2022-13-01") with BAD_USER_INPUT naming the field "on"', async () => {
    const { status, body } = await ask(`{ actionPlans(countryCode: "KE") { iteration inForce(on: "2022-13-01") } }`);
    expect(status).toBe(200);
    expect(body.data!.actionPlans).toEqual([
      { iteration: 1, inForce: null },
      { iteration: 2, inForce: null },
    ]);
    expect(body.errors).toHaveLength(2);
    for (const error of body.errors!) {
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'on' });
      expect(error.message).toContain('2022-13-01');
    }
  });
});
