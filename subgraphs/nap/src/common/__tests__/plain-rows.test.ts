import { closeTestSubgraph, openTestSubgraphDatabase, type TestDatabase } from '@wps/tests';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { napEntities } from '../../entities.js';
import { claimDatabaseForCountry } from '../../member/member-database.js';
import { napMigrations } from '../../migrations/index.js';
import { MeasurementEntity } from '../../measurement/measurement.entity.js';
import { seedDemoMember } from '../../seed/seed-demo-member.js';
import { plainRowReader, selectPlainRows } from '../plain-rows.js';

/**
 * The hot read path's plain rows (issue 11) are the rows TypeORM gives, on
 * every table of a member: the same properties with the same values and
 * types (dates as text, numerics as numbers, timestamps as Dates, arrays and
 * JSON as they are, nulls as nulls), for the demo seed of Kenya (sourced
 * plans, follow-ups, budgets, local plans, drafts and corrections).
 */
/** Thrown to roll a test's transaction back. */
class RolledBack extends Error {}

describe('plain rows', () => {
  let database: TestDatabase | undefined;
  let owner: DataSource | undefined;

  beforeAll(async () => {
    ({ database, dataSource: owner } = await openTestSubgraphDatabase('plainrows', napEntities, napMigrations));
    await claimDatabaseForCountry(owner, 'KE');
    await seedDemoMember(owner, 'KE', new Date('2026-12-01T00:00:00Z'));
  });
  afterAll(() => closeTestSubgraph({ dataSource: owner, database }));

  const primaryOrder = (entity: new () => ObjectLiteral) =>
    Object.fromEntries(owner!.getMetadata(entity).primaryColumns.map((column) => [column.propertyName, 'ASC' as const]));

  const entities: [string, new () => ObjectLiteral][] = napEntities.map((entity) => [entity.name, entity]);

  it.each(entities)('reads %s as TypeORM does', async (_name, entity) => {
    const order = primaryOrder(entity);
    const expected = await owner!.getRepository(entity).find({ order });
    const actual = await selectPlainRows(owner!.manager, entity, { order });
    expect(actual).toHaveLength(expected.length);
    // Same class, properties, values and types (toStrictEqual compares Dates, numbers and strings apart).
    expect(actual).toStrictEqual(expected);
  });

  it('has something to compare on the tables of the hot path and on every kind of column', async () => {
    for (const entity of napEntities.filter((candidate) => ['NationalActionPlanEntity', 'IndicatorEntity', 'MeasurementEntity', 'FollowUpActionEntity', 'DisbursementEntity', 'ActivityEntity'].includes(candidate.name))) {
      expect(await owner!.getRepository(entity).count()).toBeGreaterThan(0);
    }
  });

  it('reads a timestamp to the millisecond TypeORM gives, with microseconds, before 1970 and far ahead', async () => {
    const instants = ['2026-12-01 10:11:12.999999+00', '2026-12-01 10:11:12.0005+03', '1969-12-31 23:59:59.9995+00', '1900-02-28 12:00:00.123456+00', '2999-01-01 00:00:00.001+00'];
    await owner!.transaction(async (manager) => {
      const rows = await manager.getRepository(MeasurementEntity).find({ order: { id: 'ASC' }, take: instants.length });
      expect(rows).toHaveLength(instants.length);
      // Measurements are append-only (a trigger); this transaction, rolled back, sets the instants under test anyway.
      await manager.query(`SET LOCAL session_replication_role = replica`);
      for (const [index, row] of rows.entries()) {
        await manager.query('UPDATE measurement SET recorded_at = $1::timestamptz WHERE id = $2', [instants[index], row.id]);
      }
      const ids = rows.map((row) => row.id);
      const expected = await manager.getRepository(MeasurementEntity).find({ where: ids.map((id) => ({ id })), order: { id: 'ASC' } });
      const actual = await selectPlainRows(manager, MeasurementEntity, { whereIn: { property: 'id', values: ids }, order: { id: 'ASC' } });
      expect(actual.map((row) => row.recordedAt.toISOString())).toEqual(['2026-12-01T10:11:12.999Z', '2026-12-01T07:11:12.000Z', '1969-12-31T23:59:59.999Z', '1900-02-28T12:00:00.123Z', '2999-01-01T00:00:00.001Z']);
      expect(actual).toStrictEqual(expected);
      throw new RolledBack();
    }).catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  });

  it('filters by a list of keys and by equality, in the order asked, in one statement', async () => {
    const some = await owner!.getRepository(MeasurementEntity).find({ order: { id: 'ASC' }, take: 5 });
    const indicatorIds = [...new Set(some.map((row) => row.indicatorId))];
    const expected = await owner!.getRepository(MeasurementEntity).find({
      where: indicatorIds.map((indicatorId) => ({ indicatorId, status: some[0]!.status })),
      order: { period: 'DESC', version: 'ASC', id: 'ASC' },
    });
    const actual = await selectPlainRows(owner!.manager, MeasurementEntity, {
      whereIn: { property: 'indicatorId', values: indicatorIds },
      equals: { status: some[0]!.status },
      order: { period: 'DESC', version: 'ASC', id: 'ASC' },
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(actual).toStrictEqual(expected);
  });
  it('reads some columns only when told: those as TypeORM gives them, the others left undefined', async () => {
    const some = ['id', 'period', 'value', 'recordedAt'] as const;
    const reader = plainRowReader(owner!.manager, MeasurementEntity).only(some);
    expect(reader.columns('m')).not.toContain('narrative');
    const raw = (await owner!.query(`SELECT ${reader.columns('m')} FROM ${reader.table} "m" ORDER BY "m"."id"`)) as Record<string, unknown>[];
    const expected = await owner!.getRepository(MeasurementEntity).find({ order: { id: 'ASC' } });
    const actual = raw.map((row) => reader.hydrate(row));
    expect(actual).toHaveLength(expected.length);
    const set = (row: object) => Object.entries(row).filter(([, value]) => value !== undefined).map(([property]) => property).sort();
    expect(actual.map(set)).toEqual(expected.map(() => [...some].sort()));
    expect(actual).toEqual(expected.map((row) => Object.assign(new MeasurementEntity(), Object.fromEntries(some.map((property) => [property, row[property]])))));
    expect(plainRowReader(owner!.manager, MeasurementEntity).only(['value', 'id', 'period', 'recordedAt'])).toBe(reader);
    expect(() => plainRowReader(owner!.manager, MeasurementEntity).only(['nothing' as never])).toThrow('MeasurementEntity has no column nothing');
  });
});
