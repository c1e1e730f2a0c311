import 'reflect-metadata';
import { loadMemberships, loadNapHistories, type Memberships, type NapHistories } from '@wps/data';
import { toRecordDate, toPublicNapIteration } from '../public-record.mapper.js';
import { isPartialIsoDate, readPublicRecord } from '../public-record-file.js';
import { compareCountryWithRecord, compareWithRecord, currentIteration, summariseRecordCoverage } from '../public-record.service.js';
import { DatePrecision, RecordField, type PublicNapIteration } from '../public-record.type.js';

const SOURCE = 'https://1325naps.peacewomen.org/index.php/country/kenya/';

function iteration(iteration: number, start: number | null, end: number | null, adopted?: string): PublicNapIteration {
  return toPublicNapIteration({ countryCode: 'KE', iteration, periodStart: start, periodEnd: end, adoptedOn: adopted ?? null, note: null, sourceConflict: null, verified: true, sources: [SOURCE] });
}

describe('reading the public record from data/', () => {
  it('reads every state and NAP of data/naps.json and the dated AU status changes of data/memberships.json', () => {
    const rows = readPublicRecord(loadNapHistories(), loadMemberships());
    expect(rows.states).toHaveLength(68);
    expect(rows.iterations).toHaveLength(163);
    expect(rows.source.gathered).toBe('2026-12-01');
    expect(rows.auChanges.map((change) => `${change.countryCode} ${change.change} ${change.date}`)).toEqual([
      'GA REINSTATED 2025-04-30',
      'MG SUSPENDED 2025-10-15',
      'GW SUSPENDED 2025-11-28',
      'GN REINSTATED 2026-01-22',
    ]);
    // Only the precision the data holds: Germany's third NAP to the day, Sweden's fourth to the year, Kenya's second to the day.
    const adopted = (code: string, number: number) => rows.iterations.find((row) => row.countryCode === code && row.iteration === number)?.adoptedOn;
    expect([adopted('DE', 3), adopted('SE', 4), adopted('SE', 3), adopted('SE', 1)]).toEqual(['2021-02-24', '2023', '2016-05', null]);
    expect(rows.iterations.find((row) => row.countryCode === 'SD')?.sourceConflict).toMatch(/10 June 2020/);
    expect(rows.states.find((state) => state.countryCode === 'GW')?.auStatusNote).toMatch(/suspended 28\/29 Nov 2025/);
  });

  it('refuses a data file with faults, listing every one (so a wrong edit stops the service at start instead of being served)', () => {
    const naps = structuredClone(loadNapHistories()) as NapHistories;
    const kenya = naps.countries.find((country) => country.iso2 === 'KE')!;
    kenya.naps[0]!.adopted = '2016-02-30';
    kenya.naps[1]!.sources = ['  '];
    kenya.naps.push({ ...kenya.naps[1]!, sources: [SOURCE] });
    naps.countries.push({ iso2: 'XX', iso3: 'XXX', name: 'Nowhere', memberships: [], naps: [] });
    naps.countries.push({ ...structuredClone(kenya), naps: [{ iteration: 1, start: 2020, end: 2018, verified: true, sources: [SOURCE] }] });
    const memberships = structuredClone(loadMemberships()) as Memberships & { AU: { statusChanges: unknown[] } };
    memberships.AU.statusChanges.push({ iso2: 'FR', change: 'expelled', date: '2026-13', source: [] });
    let message = '';
    try {
      readPublicRecord(naps, memberships);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n- ').slice(1)).toEqual([
      'naps.json countries[31] (KE) NAP 1: adopted "2016-02-30" is not YYYY, YYYY-MM or YYYY-MM-DD',
      'naps.json countries[31] (KE) NAP 2: sources must list at least one source',
      'naps.json countries[31] (KE) NAP 2: iteration listed twice',
      'naps.json countries[68] (XX): iso2 is not an ISO 3166-1 alpha-2 country code',
      'naps.json countries[69] (KE): the state is listed twice',
      'naps.json countries[69] (KE) NAP 1: end 2018 is before start 2020',
      'memberships.json AU.statusChanges[4] (FR): iso2 is not an AU member',
      'memberships.json AU.statusChanges[4] (FR): change must be "suspended" or "reinstated"',
      'memberships.json AU.statusChanges[4] (FR): date "2026-13" is not YYYY, YYYY-MM or YYYY-MM-DD',
      'memberships.json AU.statusChanges[4] (FR): source must list at least one source',
    ]);
  });

  it('keeps a date at the precision written, and accepts only real months and days', () => {
    expect(toRecordDate('2016')).toEqual({ value: '2016', precision: DatePrecision.YEAR });
    expect(toRecordDate('2016-05')).toEqual({ value: '2016-05', precision: DatePrecision.MONTH });
    expect(toRecordDate('2016-05-12')).toEqual({ value: '2016-05-12', precision: DatePrecision.DAY });
    expect(['2016', '2016-05', '2024-02-29'].map(isPartialIsoDate)).toEqual([true, true, true]);
    expect(['2016-00', '2016-13', '2023-02-29', '16-05', '2016-5', 2016].map(isPartialIsoDate)).toEqual([false, false, false, false, false, false]);
  });
});

describe('the public record, computed', () => {
  const kenya = [iteration(1, 2016, 2018, '2016-03-08'), iteration(2, 2020, 2024, '2020-05-27')];

  it('takes as current only a NAP whose recorded period covers the year', () => {
    expect(currentIteration(kenya, 2017)?.iteration).toBe(1);
    expect(currentIteration(kenya, 2024)?.iteration).toBe(2);
    expect(currentIteration(kenya, 2019)).toBeNull();
    expect(currentIteration(kenya, 2026)).toBeNull();
    expect(currentIteration([iteration(1, 2010, null)], 2026)).toBeNull();
  });

  it('counts every member of a framework, listed or not, and labels the figures with their source', () => {
    const record: Record<string, PublicNapIteration[]> = { KE: kenya, GW: [iteration(1, 2010, null)], TG: [iteration(1, 2011, 2015), iteration(2, 2018, 2022), iteration(3, 2025, 2029)] };
    const coverage = summariseRecordCoverage(['KE', 'GW', 'TG', 'MG'], (code) => record[code] ?? [], 2026, { description: 'NAP histories', gathered: '2026-12-01' });
    expect(coverage).toEqual({
      source: 'Public record of NAPs (data/naps.json, gathered 2026-12-01): NAP histories',
      gathered: '2026-12-01',
      year: 2026,
      members: 4,
      withNap: 3,
      withCurrentNap: 1,
      withOpenEndedNap: 1,
      withSecondGeneration: 2,
      withoutNap: 1,
      napShare: 0.75,
      currentNapShare: 0.25,
      secondGenerationShare: 0.5,
    });
  });

  it('finds where a plan differs from the record: a fact the record gives that the plan does not match, never a fact the record lacks', () => {
    expect(compareWithRecord({ iteration: 1, period: { start: 2016, end: 2018 }, adoptedOn: '2016-03-08' }, kenya[0]!)).toMatchObject({ agrees: true, differences: [] });
    // A more (or less) precise date that begins the same agrees; a date the record lacks is no difference.
    expect(compareWithRecord({ iteration: 1, period: { start: 2016, end: 2018 }, adoptedOn: '2016-03' }, kenya[0]!).agrees).toBe(true);
    expect(compareWithRecord({ iteration: 1, period: { start: 2010, end: 2015 }, adoptedOn: '2010-04-02' }, iteration(1, 2010, null)).agrees).toBe(true);
    expect(compareWithRecord({ iteration: 1, period: { start: 2016, end: 2019 }, adoptedOn: '2016-04-01' }, kenya[0]!)).toEqual({
      agrees: false,
      record: kenya[0],
      differences: [
        { field: RecordField.PERIOD_END, memberValue: '2019', recordValue: '2018' },
        { field: RecordField.ADOPTED_ON, memberValue: '2016-04-01', recordValue: '2016-03-08' },
      ],
    });
    expect(compareWithRecord({ iteration: 2, period: { start: null, end: null }, adoptedOn: null }, kenya[1]!).differences.map((difference) => difference.field)).toEqual([
      RecordField.PERIOD_START,
      RecordField.PERIOD_END,
      RecordField.ADOPTED_ON,
    ]);
    expect(compareWithRecord({ iteration: 3, period: { start: 2025, end: 2029 } }, null)).toEqual({
      agrees: false,
      record: null,
      differences: [{ field: RecordField.ITERATION, memberValue: '3', recordValue: null }],
    });
  });

  it("lists, by iteration, each plan's differences and every NAP one side lists that the other does not", () => {
    const plans = [
      { iteration: 2, period: { start: 2020, end: 2025 }, adoptedOn: '2020-05-27' },
      { iteration: 3, period: { start: 2025, end: 2029 }, adoptedOn: null },
    ];
    expect(compareCountryWithRecord(plans, kenya)).toEqual([
      { iteration: 1, field: RecordField.ITERATION, memberValue: null, recordValue: '1' },
      { iteration: 2, field: RecordField.PERIOD_END, memberValue: '2025', recordValue: '2024' },
      { iteration: 3, field: RecordField.ITERATION, memberValue: '3', recordValue: null },
    ]);
    expect(compareCountryWithRecord([{ iteration: 1, period: { start: 2016, end: 2018 }, adoptedOn: '2016-03-08' }, { iteration: 2, period: { start: 2020, end: 2024 } , adoptedOn: '2020-05'}], kenya)).toEqual([]);
    expect(compareCountryWithRecord([], [])).toEqual([]);
  });
});
