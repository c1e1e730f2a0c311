import type { SubgraphServer } from '@wps/kit';
import { closeTestSubgraph, openRoleDataSource, openTestSubgraphDatabase, postGraphQL, silentLogger, waitFor, type TestDatabase } from '@wps/tests';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { napEntities } from '../../entities.js';
import { claimDatabaseForCountry } from '../../member/member-database.js';
import { MEMBER_APP_ROLE } from '../../migrations/1764100000000-row-level-security.js';
import { napMigrations } from '../../migrations/index.js';
import { seedDemoMember } from '../../seed/seed-demo-member.js';

/** Every statement the member's DataSource sends, as it sends it (before Postgres answers). */
class SentStatements implements TypeOrmLogger {
  sent: string[] = [];
  logQuery(query: string): void {
    this.sent.push(query.replace(/\s+/g, ' '));
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const reads = (table: string) => (statement: string) => new RegExp(`FROM ("public"\\.)?"${table}"`).test(statement);
const readsIndicators = reads('indicator');
const readsAlignments = reads('indicator_alignment');
const readsMeasurements = reads('measurement');

/** The AU-wide query's sub-request to one member, as the gateway sends it. */
const AU_WIDE = /* GraphQL */ `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Country { currentActionPlan { id title indicators { code unit measurements { period value } } } } } }`;

/**
 * The statements a plan's indicators wait for (issue 11): a member's answer
 * is as slow as its longest chain of statements, one after the other. Its
 * measurements and alignments are keyed by plan, not by indicator, so they
 * need not wait for the indicators: they are sent beside them. Shown by
 * holding a lock on the indicator table, so that the indicators' statement
 * cannot be answered, and looking at what the member sent meanwhile.
 */
describe("a plan's measurements", () => {
  let database: TestDatabase | undefined;
  let owner: DataSource | undefined;
  let served: DataSource | undefined;
  let server: SubgraphServer | undefined;
  let url: string;
  const statements = new SentStatements();

  beforeAll(async () => {
    ({ database, dataSource: owner } = await openTestSubgraphDatabase('prefetch', napEntities, napMigrations));
    await claimDatabaseForCountry(owner, 'KE');
    await seedDemoMember(owner, 'KE', new Date('2026-12-01T00:00:00Z'));
    served = await openRoleDataSource(database.url, napEntities, MEMBER_APP_ROLE, statements);
    const { createNapServer } = await import('../../server.js');
    server = await createNapServer({ countryCode: 'KE', dataSource: served, logger: silentLogger });
    url = await server.listen(0);
  });
  afterAll(async () => {
    await owner?.destroy();
    await closeTestSubgraph({ server, dataSource: served, database });
  });

  /** What the member sent while no statement reading indicators could be answered, and its answer once they could. */
  async function sentWhileIndicatorsLocked(query: string, variables: Record<string, unknown>, enough: (sent: string[]) => boolean) {
    const locker = owner!.createQueryRunner();
    await locker.connect();
    let answer: ReturnType<typeof postGraphQL> | undefined;
    let sent: string[];
    try {
      await locker.startTransaction();
      await locker.query('LOCK TABLE public.indicator IN ACCESS EXCLUSIVE MODE');
      statements.sent = [];
      answer = postGraphQL(url, query, variables);
      // Until what should have been sent was, or long enough for the member to have sent it (it is a few milliseconds' work).
      await waitFor(() => enough(statements.sent), 3000, 20);
      sent = [...statements.sent];
    } finally {
      await locker.rollbackTransaction().finally(() => locker.release());
    }
    const { body } = await answer;
    expect(body.errors).toBeUndefined();
    return { sent, data: body.data! };
  }

  it("sends the AU-wide sub-request's measurements statement before its indicators statement is answered", async () => {
    const variables = { representations: [{ __typename: 'Country', code: 'KE' }] };
    const { sent, data } = await sentWhileIndicatorsLocked(AU_WIDE, variables, (sent) => sent.some(readsIndicators) && sent.some(readsMeasurements));
    expect(sent.filter(readsIndicators)).toHaveLength(1);
    expect(sent.filter(readsMeasurements)).toHaveLength(1);
    // The same answer as without the lock, read once: the prefetch is the load the indicators make later, from DataLoader's cache.
    statements.sent = [];
    const { body: unlocked } = await postGraphQL(url, AU_WIDE, variables);
    expect(statements.sent.filter(readsMeasurements)).toHaveLength(1);
    expect(data).toEqual(unlocked.data);
    const indicators = data._entities[0].currentActionPlan.indicators as { measurements: unknown[] }[];
    expect(indicators.length).toBeGreaterThan(10);
    expect(indicators.some((indicator) => indicator.measurements.length > 0)).toBe(true);
  });

  it("sends a framework-progress row's alignments and measurements statements before its indicators statement is answered", async () => {
    const [aligned] = (await owner!.query(
      `SELECT a.framework_code AS "frameworkCode", a.indicator_code AS "indicatorCode", p.period_start AS "year" FROM indicator_alignment a
       JOIN indicator i ON i.id = a.indicator_id JOIN national_action_plan p ON p.id = i.plan_id ORDER BY p.iteration DESC, a.indicator_code LIMIT 1`,
    )) as { frameworkCode: string; indicatorCode: string; year: number }[];
    const query = /* GraphQL */ `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on CountryIndicatorProgress { status indicators { indicator { code } status progress } } } }`;
    const variables = { representations: [{ __typename: 'CountryIndicatorProgress', countryCode: 'KE', ...aligned!, year: aligned!.year + 1 }] };
    const { sent, data } = await sentWhileIndicatorsLocked(query, variables, (sent) => [readsIndicators, readsAlignments, readsMeasurements].every((reading) => sent.some(reading)));
    expect(sent.filter(readsIndicators)).toHaveLength(1);
    expect(sent.filter(readsAlignments)).toHaveLength(1);
    expect(sent.filter(readsMeasurements)).toHaveLength(1);
    expect(data._entities[0].indicators.length).toBeGreaterThan(0);
  });

  it('reads no measurements for indicators asked without them', async () => {
    statements.sent = [];
    const query = /* GraphQL */ `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Country { currentActionPlan { indicators { code unit } } } } }`;
    const { body } = await postGraphQL(url, query, { representations: [{ __typename: 'Country', code: 'KE' }] });
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities[0].currentActionPlan.indicators.length).toBeGreaterThan(10);
    expect(statements.sent.filter(readsIndicators)).toHaveLength(1);
    expect(statements.sent.filter(readsMeasurements)).toHaveLength(0);
  });

  it('finds measurement fields asked through named and inline fragments', async () => {
    const query = /* GraphQL */ `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Country { currentActionPlan { indicators { code ...Values } } } } }
      fragment Values on Indicator { ... on Indicator { latestMeasurement { value } } }`;
    const variables = { representations: [{ __typename: 'Country', code: 'KE' }] };
    const { sent } = await sentWhileIndicatorsLocked(query, variables, (sent) => sent.some(readsIndicators) && sent.some(readsMeasurements));
    expect(sent.filter(readsMeasurements)).toHaveLength(1);
  });
  it('are started beside the indicators for a status or a progress too (they read the values)', async () => {
    for (const field of ['status', 'progress']) {
      const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { currentActionPlan { indicators { code ${field} } } } } }`;
      const { sent } = await sentWhileIndicatorsLocked(query, { representations: [{ __typename: 'Country', code: 'KE' }] }, (sent) => sent.some(readsIndicators) && sent.some(readsMeasurements));
      expect(sent.filter(readsMeasurements)).toHaveLength(1);
    }
  });

  it('are read with the columns the document asks: the AU-wide sub-request reads no narrative, source, disaggregation or recorder', async () => {
    statements.sent = [];
    const { body } = await postGraphQL(url, AU_WIDE, { representations: [{ __typename: 'Country', code: 'KE' }] });
    expect(body.errors).toBeUndefined();
    const [measurements] = statements.sent.filter(readsMeasurements);
    expect(measurements).toBeDefined();
    for (const column of ['period', 'value', 'version', 'status', 'is_demo']) expect(measurements).toContain(`"m"."${column}"`);
    for (const column of ['narrative', 'source', 'disaggregated_values', 'recorded_by', 'recorded_by_display', 'recorded_at', 'published_at', 'published_by']) {
      expect(measurements).not.toContain(`"m"."${column}"`);
    }
  });

  it('give every field asked alone as the whole row has it (each Measurement field, from the schema)', async () => {
    const leaves = async (typeName: string): Promise<{ name: string; selection: string }[]> => {
      const { body } = await postGraphQL(url, `query ($name: String!) { __type(name: $name) { fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`, { name: typeName });
      type TypeRef = { kind: string; name: string | null; ofType?: TypeRef | null };
      const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);
      const fields = body.data!.__type.fields as { name: string; type: TypeRef }[];
      return Promise.all(fields.map(async (field) => {
        const type = named(field.type);
        if (type.kind !== 'OBJECT') return { name: field.name, selection: field.name };
        // An object field: its own fields that are leaves (enough to compare it).
        const { body: inner } = await postGraphQL(url, `query ($name: String!) { __type(name: $name) { fields { name type { kind ofType { kind ofType { kind } } } } } }`, { name: type.name });
        const scalars = (inner.data!.__type.fields as { name: string; type: { kind: string; ofType?: { kind: string; ofType?: { kind: string } | null } | null } }[])
          .filter((sub) => ![sub.type.kind, sub.type.ofType?.kind, sub.type.ofType?.ofType?.kind].includes('OBJECT') && ![sub.type.kind, sub.type.ofType?.kind].includes('LIST'))
          .map((sub) => sub.name);
        return { name: field.name, selection: `${field.name} { ${scalars.join(' ')} }` };
      }));
    };
    const fields = await leaves('Measurement');
    expect(fields.map((field) => field.name)).toEqual(expect.arrayContaining(['period', 'value', 'narrative', 'source', 'disaggregatedValues', 'recordedBy', 'recordedAt', 'publishedAt', 'history']));
    const everything = fields.map((field) => field.selection).join(' ');
    const valuesOf = async (selection: string) => {
      const { body } = await postGraphQL(url, `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Country { currentActionPlan { indicators { measurements { id ${selection} } } } } } }`, { representations: [{ __typename: 'Country', code: 'KE' }] });
      expect(body.errors).toBeUndefined();
      return (body.data!._entities[0].currentActionPlan.indicators as { measurements: Record<string, unknown>[] }[]).flatMap((indicator) => indicator.measurements);
    };
    const listed = await valuesOf('');
    expect(listed.length).toBeGreaterThan(20);
    // The whole row: each measurement by its key, through the loader that reads every column.
    const { body: whole } = await postGraphQL(url, `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Measurement { id ${everything} } } }`, {
      representations: listed.map(({ id }) => ({ __typename: 'Measurement', countryCode: 'KE', id })),
    });
    expect(whole.errors).toBeUndefined();
    const byId = new Map((whole.data!._entities as Record<string, unknown>[]).map((row) => [row.id, row]));
    for (const field of fields) {
      const alone = await valuesOf(field.selection);
      expect(alone.map((row) => ({ id: row.id, [field.name]: row[field.name] }))).toEqual(alone.map((row) => ({ id: row.id, [field.name]: byId.get(row.id)![field.name] })));
    }
    // Something to compare on each detail: the demo seed has narratives, sources, disaggregations and publication dates.
    const rows = [...byId.values()];
    for (const field of ['narrative', 'source', 'publishedAt']) expect(rows.some((row) => row[field] !== null)).toBe(true);
    expect(rows.some((row) => (row.disaggregatedValues as unknown[]).length > 0)).toBe(true);
  });
});
