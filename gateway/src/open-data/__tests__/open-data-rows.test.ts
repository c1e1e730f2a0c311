import {
  anyDemo,
  BUDGET_COLUMNS,
  budgetRows,
  citedSources,
  measurementColumns,
  measurementRows,
  PUBLIC_RECORD_COLUMNS,
  publicRecordRows,
  rowsToCsv,
  unavailableMembersOf,
  type BudgetCountry,
  type MeasurementCountry,
  type RecordCountry,
} from '../open-data-rows.js';

const record = (code: string, iterations: RecordCountry['publicRecord']['iterations']): RecordCountry => ({
  code,
  name: `State ${code}`,
  memberStatus: 'NOT_CONNECTED',
  publicRecord: { listed: iterations.length > 0, source: 'naps.json', gathered: '2026-12-01', iterations },
});

const measurement = (period: string, status: string, extra: Partial<NonNullable<MeasurementCountry['actionPlans']>[number]['indicators'][number]['measurements'][number]> = {}) => ({
  period,
  version: 1,
  value: 10,
  status,
  isDemo: false,
  reportedStatus: null,
  narrative: null,
  source: 'Ministry',
  publishedAt: '2025-01-01T00:00:00.000Z',
  disaggregatedValues: [],
  ...extra,
});

const kenyaMeasurements = (measurements: ReturnType<typeof measurement>[], indicatorIsDemo = false): MeasurementCountry => ({
  code: 'KE',
  name: 'Kenya',
  memberStatus: 'ACTIVE',
  actionPlans: [
    {
      id: 'p2',
      iteration: 2,
      title: 'Kenya NAP II',
      indicators: [
        {
          code: 'P1',
          title: 'Women in county assemblies',
          level: 'OUTCOME',
          kind: 'QUANTITATIVE',
          unit: '%',
          isDemo: indicatorIsDemo,
          alignments: [
            { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' },
            { frameworkCode: 'UN_1325', indicatorCode: 'UN-7' },
          ],
          measurements,
        },
      ],
    },
  ],
});

describe('the rows of the open-data downloads', () => {
  it('gives the public record one row per NAP iteration, and one row (listed false) for a state with none, so every member state appears', () => {
    const rows = publicRecordRows([
      record('NG', [
        { iteration: 3, period: { start: 2024, end: 2028 }, adopted: { value: '2025-12', precision: 'MONTH' }, sources: ['https://a.example', 'https://b.example'], verified: true, note: null, sourceConflict: 'B says 2024' },
      ]),
      record('TD', []),
    ]);
    expect(rows).toEqual([
      {
        country_code: 'NG',
        country_name: 'State NG',
        member_status: 'NOT_CONNECTED',
        listed: true,
        iteration: 3,
        period_start: 2024,
        period_end: 2028,
        adopted: '2025-12',
        adopted_precision: 'MONTH',
        verified: true,
        sources: ['https://a.example', 'https://b.example'],
        note: null,
        source_conflict: 'B says 2024',
      },
      expect.objectContaining({ country_code: 'TD', listed: false, iteration: null, sources: [] }),
    ]);
    expect(rowsToCsv(PUBLIC_RECORD_COLUMNS, rows)).toBe(
      'country_code,country_name,member_status,listed,iteration,period_start,period_end,adopted,adopted_precision,verified,sources,note,source_conflict\r\n' +
        'NG,State NG,NOT_CONNECTED,true,3,2024,2028,2025-12,MONTH,true,https://a.example | https://b.example,,B says 2024\r\n' +
        'TD,State TD,NOT_CONNECTED,false,,,,,,,,,\r\n',
    );
    expect(citedSources(rows)).toEqual(['https://a.example', 'https://b.example']);
  });

  it('gives a measurement one row for its value and one per disaggregated value, with the framework’s own codes in a framework download', () => {
    const country = kenyaMeasurements([
      measurement('2024', 'PUBLISHED', {
        value: 30,
        disaggregatedValues: [
          { dimension: 'location', category: 'urban', value: 35 },
          { dimension: 'location', category: 'rural', value: 25 },
        ],
      }),
    ]);
    const rows = measurementRows([country], 'AU_CRF');
    expect(rows.map((row) => [row.period, row.value, row.dimension, row.category, row.framework_indicator_codes])).toEqual([
      ['2024', 30, null, null, ['AU-PAR-1']],
      ['2024', 35, 'location', 'urban', ['AU-PAR-1']],
      ['2024', 25, 'location', 'rural', ['AU-PAR-1']],
    ]);
    expect(rows[0]!.alignments).toEqual(['AU_CRF:AU-PAR-1', 'UN_1325:UN-7']);
    expect(measurementColumns('AU_CRF')).toContain('framework_indicator_codes');
    expect(measurementColumns()).not.toContain('framework_indicator_codes');
    expect(measurementRows([country])[0]).not.toHaveProperty('framework_indicator_codes');
    const csv = rowsToCsv(measurementColumns('AU_CRF'), rows).split('\r\n');
    expect(csv[0]!.split(',')).toEqual([...measurementColumns('AU_CRF')]);
    expect(csv[1]).toContain(',AU_CRF:AU-PAR-1 | UN_1325:UN-7,AU-PAR-1,2024,1,30,,,');
  });

  it('leaves out any value that is not PUBLISHED, even when a member sends it', () => {
    const rows = measurementRows([kenyaMeasurements([measurement('2023', 'PUBLISHED'), measurement('2024', 'DRAFT', { value: 999 })])]);
    expect(rows.map((row) => row.period)).toEqual(['2023']);
    const budget: BudgetCountry = {
      code: 'KE',
      name: 'Kenya',
      memberStatus: 'ACTIVE',
      actionPlans: [
        {
          id: 'p2',
          iteration: 2,
          title: 'Kenya NAP II',
          budget: { costed: true, earmarked: null },
          budgetLines: (['PUBLISHED', 'DRAFT'] as const).map((status, index) => ({
            fiscalYear: 2024,
            description: `Line ${index}`,
            currency: 'KES',
            allocated: 1000,
            disbursed: 800,
            spent: -5,
            costedEstimate: null,
            fundingSource: 'DONOR',
            genderMarker: 'PRINCIPAL',
            status,
            isDemo: index === 0,
            partner: { name: 'Ministry of Gender', kind: 'MINISTRY' },
            activity: null,
          })),
        },
      ],
    };
    const lines = budgetRows([budget]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ description: 'Line 0', plan_costed: true, plan_earmarked: null, partner: 'Ministry of Gender', activity_code: null, is_demo: true });
    // A number stays a number in CSV, a negative one too.
    expect(rowsToCsv(BUDGET_COLUMNS, lines).split('\r\n')[1]).toBe('KE,Kenya,2,Kenya NAP II,true,,2024,Line 0,Ministry of Gender,MINISTRY,,,DONOR,PRINCIPAL,KES,1000,800,-5,,true');
    expect(budgetRows([{ ...budget, actionPlans: null }])).toEqual([]);
  });

  it('neutralises text a spreadsheet would run as a formula, in every text cell', () => {
    const hostile = '=HYPERLINK("http://evil.example","x")';
    const rows = measurementRows([kenyaMeasurements([measurement('2024', 'PUBLISHED', { narrative: hostile, source: '@SUM(A1)', reportedStatus: '+1' })])]);
    const line = rowsToCsv(measurementColumns(), rows).split('\r\n')[1]!;
    expect(line).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    expect(line).toContain(`,"'@SUM(A1)",`);
    expect(line).toContain(`,"'+1",`);
    expect(rowsToCsv(['a'], [{ a: ['-1', 'x'] }])).toBe(`a\r\n"'-1 | x"\r\n`);
  });

  it('says the download holds demo data when any value or its indicator is generated', () => {
    expect(anyDemo(measurementRows([kenyaMeasurements([measurement('2024', 'PUBLISHED')])]))).toBe(false);
    expect(anyDemo(measurementRows([kenyaMeasurements([measurement('2024', 'PUBLISHED', { isDemo: true })])]))).toBe(true);
    expect(anyDemo(measurementRows([kenyaMeasurements([measurement('2024', 'PUBLISHED')], true)]))).toBe(true);
  });

  it('names every member the answer says is missing, once, with the reason, and the quarantined and offline ones', () => {
    expect(
      unavailableMembersOf(
        [
          { extensions: { code: 'MEMBER_UNAVAILABLE', country: 'NG', reason: 'timeout' } },
          { extensions: { code: 'MEMBER_UNAVAILABLE', country: 'NG', reason: 'circuit_open' } },
          { extensions: { code: 'INTERNAL_SERVER_ERROR', country: 'GH' } },
          { extensions: { code: 'BAD_USER_INPUT' } },
        ],
        [
          { code: 'KE', memberStatus: 'ACTIVE' },
          { code: 'LS', memberStatus: 'QUARANTINED' },
          { code: 'RW', memberStatus: 'OFFLINE' },
          { code: 'TG', memberStatus: 'NOT_CONNECTED' },
        ],
      ),
    ).toEqual([
      { countryCode: 'GH', reason: 'internal_server_error' },
      { countryCode: 'LS', reason: 'quarantined' },
      { countryCode: 'NG', reason: 'timeout' },
      { countryCode: 'RW', reason: 'offline' },
    ]);
    expect(unavailableMembersOf(undefined)).toEqual([]);
  });
});
