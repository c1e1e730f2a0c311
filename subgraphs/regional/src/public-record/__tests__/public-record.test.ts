import { ErrorCode } from '@wps/kit';
import { LEAK_PATTERNS } from '@wps/tests';
import { startRegionalHarness, type RegionalHarness } from '../../__tests__/regional-harness.js';

const RECORD_FIELDS = `publicRecord {
  countryCode listed secondGeneration gathered
  iterations { iteration period { start end } adopted { value precision } sources verified note sourceConflict }
  latest { iteration }
  current(year: 2024) { iteration }
  auStatus { suspended note changes { change date { value precision } detail sources sourceConflict } }
}`;

describe('the public record, served by the regional subgraph', () => {
  let hub: RegionalHarness | undefined;

  beforeAll(async () => {
    hub = await startRegionalHarness({ label: 'record', members: [{ countryCode: 'KE', endpoint: 'http://nap-ke:4000/graphql' }] });
  });
  afterAll(() => hub?.close());

  const ask = (query: string, variables: Record<string, unknown> = {}) => hub!.ask(query, variables);

  it('gives every AU member its public record, connected or not: 55 states, 28 listed with their NAPs, the others listed false', async () => {
    const { body } = await ask(`{ countries(framework: AU_CRF) { code memberStatus ${RECORD_FIELDS} } }`);
    expect(body.errors).toBeUndefined();
    const countries = body.data!.countries as { code: string; memberStatus: string; publicRecord: Record<string, any> }[];
    expect(countries).toHaveLength(55);
    expect(countries.filter((country) => country.publicRecord.listed)).toHaveLength(28);
    for (const country of countries) {
      expect(country.publicRecord.countryCode).toBe(country.code);
      expect(country.publicRecord.gathered).toBe('2026-12-01');
      expect(country.publicRecord.auStatus).not.toBeNull();
      if (!country.publicRecord.listed) expect(country.publicRecord.iterations).toEqual([]);
    }
    const byCode = new Map(countries.map((country) => [country.code, country]));
    expect(byCode.get('KE')!.memberStatus).toBe('ACTIVE');
    expect(byCode.get('KE')!.publicRecord).toMatchObject({
      listed: true,
      secondGeneration: true,
      latest: { iteration: 2 },
      current: { iteration: 2 },
      iterations: [
        { iteration: 1, period: { start: 2016, end: 2018 }, adopted: { value: '2016-03-08', precision: 'DAY' }, verified: true },
        { iteration: 2, period: { start: 2020, end: 2024 }, adopted: { value: '2020-05-27', precision: 'DAY' }, verified: true },
      ],
      auStatus: { suspended: false, changes: [] },
    });
    // Not connected, and still its record: Sudan, suspended, with the sources' conflict on the adoption date.
    expect(byCode.get('SD')!.memberStatus).toBe('NOT_CONNECTED');
    expect(byCode.get('SD')!.publicRecord).toMatchObject({
      listed: true,
      iterations: [{ iteration: 1, period: { start: 2020, end: 2022 }, adopted: { value: '2020-03-11', precision: 'DAY' }, sourceConflict: expect.stringMatching(/10 June 2020/) }],
      auStatus: { suspended: true, note: expect.stringMatching(/Oct 2021/) },
    });
    expect(byCode.get('GW')!.publicRecord.auStatus).toEqual({
      suspended: true,
      note: expect.stringMatching(/28\/29 Nov 2025/),
      changes: [{ change: 'SUSPENDED', date: { value: '2025-11-28', precision: 'DAY' }, detail: expect.stringMatching(/PSC emergency meeting/), sources: expect.arrayContaining([expect.stringMatching(/^https:/)]), sourceConflict: null }],
    });
    expect(byCode.get('GN')!.publicRecord.auStatus.changes).toEqual([expect.objectContaining({ change: 'REINSTATED', date: { value: '2026-01-22', precision: 'DAY' }, sourceConflict: expect.stringMatching(/25 January 2025/) })]);
    // Madagascar: suspended, dated, though the record lists no NAP for it.
    expect(byCode.get('MG')!.publicRecord).toMatchObject({ listed: false, iterations: [], latest: null, current: null, auStatus: { suspended: true, note: null, changes: [{ change: 'SUSPENDED', date: { value: '2025-10-15' } }] } });
    // Only the precision the data holds.
    const sweden = (await ask(`{ country(code: "SE") { ${RECORD_FIELDS} } }`)).body.data!.country.publicRecord;
    expect(sweden.iterations.map((entry: { adopted: unknown }) => entry.adopted)).toEqual([null, null, { value: '2016-05', precision: 'MONTH' }, { value: '2023', precision: 'YEAR' }]);
    expect(sweden.auStatus).toBeNull();
  });

  it('counts coverage over every member state of the framework from the record, labelled with its source', async () => {
    const { body } = await ask(`{
      au: framework(code: AU_CRF) { coverage { publicRecord(year: 2026) { source gathered year members withNap withCurrentNap withOpenEndedNap withSecondGeneration withoutNap napShare currentNapShare secondGenerationShare } } }
      au2024: framework(code: AU_CRF) { coverage { publicRecord(year: 2024) { members withCurrentNap } } }
      eu: framework(code: EU_GAP_III) { coverage { publicRecord(year: 2026) { members withNap withCurrentNap withSecondGeneration } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.au.coverage.publicRecord).toEqual({
      source: expect.stringMatching(/^Public record of NAPs \(data\/naps\.json, gathered 2026-12-01\)/),
      gathered: '2026-12-01',
      year: 2026,
      members: 55,
      withNap: 28,
      withCurrentNap: 5,
      withOpenEndedNap: 2,
      withSecondGeneration: 18,
      withoutNap: 27,
      napShare: 0.5091,
      currentNapShare: 0.0909,
      secondGenerationShare: 0.3273,
    });
    expect(body.data!.au2024.coverage.publicRecord).toEqual({ members: 55, withCurrentNap: 12 });
    expect(body.data!.eu.coverage.publicRecord).toEqual({ members: 27, withNap: 18, withCurrentNap: 4, withSecondGeneration: 17 });
  });

  it('compares a plan the gateway sends (with the fields regional @requires) with the record of its iteration', async () => {
    const { body } = await ask(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on NationalActionPlan { id publicRecordCheck { agrees differences { field memberValue recordValue } record { iteration } } } } }`,
      {
        representations: [
          { __typename: 'NationalActionPlan', countryCode: 'KE', id: 'same', iteration: 1, period: { start: 2016, end: 2018 }, adoptedOn: '2016-03-08' },
          { __typename: 'NationalActionPlan', countryCode: 'KE', id: 'longer', iteration: 1, period: { start: 2016, end: 2019 }, adoptedOn: '2016-03' },
          { __typename: 'NationalActionPlan', countryCode: 'KE', id: 'unlisted', iteration: 3, period: { start: 2025, end: 2029 }, adoptedOn: null },
          { __typename: 'NationalActionPlan', countryCode: 'MG', id: 'no-record', iteration: 1, period: { start: 2020, end: 2024 }, adoptedOn: null },
          { __typename: 'NationalActionPlan', countryCode: 'KE', id: 'unread' },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([
      { id: 'same', publicRecordCheck: { agrees: true, differences: [], record: { iteration: 1 } } },
      { id: 'longer', publicRecordCheck: { agrees: false, differences: [{ field: 'PERIOD_END', memberValue: '2019', recordValue: '2018' }], record: { iteration: 1 } } },
      { id: 'unlisted', publicRecordCheck: { agrees: false, differences: [{ field: 'ITERATION', memberValue: '3', recordValue: null }], record: null } },
      { id: 'no-record', publicRecordCheck: { agrees: false, differences: [{ field: 'ITERATION', memberValue: '1', recordValue: null }], record: null } },
      { id: 'unread', publicRecordCheck: null },
    ]);
  });

  it("compares a member's plans (sent with the Country, as regional @requires) with the record: null when they could not be read", async () => {
    const plan = (iteration: number, start: number, end: number, adoptedOn: string | null) => ({ iteration, period: { start, end }, adoptedOn });
    const { body } = await ask(`query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { code recordDisagreements { iteration field memberValue recordValue } } } }`, {
      representations: [
        { __typename: 'Country', code: 'KE', actionPlans: [plan(1, 2016, 2018, '2016-03-08'), plan(2, 2020, 2024, '2020-05-27')] },
        { __typename: 'Country', code: 'KE', actionPlans: [plan(2, 2020, 2025, '2020-05-27')] },
        { __typename: 'Country', code: 'MG', actionPlans: [] },
        { __typename: 'Country', code: 'KE', actionPlans: null },
        { __typename: 'Country', code: 'KE', actionPlans: [plan(1, 2016, 2018, null), null] },
      ],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities.map((country: { recordDisagreements: unknown }) => country.recordDisagreements)).toEqual([
      [],
      [
        { iteration: 1, field: 'ITERATION', memberValue: null, recordValue: '1' },
        { iteration: 2, field: 'PERIOD_END', memberValue: '2025', recordValue: '2024' },
      ],
      [],
      null,
      null,
    ]);
  });

  it('refuses a year outside 1990–2100 with BAD_USER_INPUT, naming the argument and nothing internal', async () => {
    for (const query of ['{ framework(code: AU_CRF) { coverage { publicRecord(year: 3000) { members } } } }', '{ country(code: "KE") { publicRecord { current(year: 1066) { iteration } } } }']) {
      const { body } = await ask(query);
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]!.extensions!.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(body.errors![0]!.message).toMatch(/^year must be a year from 1990 to 2100/);
      for (const pattern of LEAK_PATTERNS) expect(body.errors![0]!.message).not.toMatch(pattern);
    }
  });
});
