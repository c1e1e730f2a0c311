import { Role, signDevToken } from '@wps/kit';
import { createHubClient, CountryRecordCheckDocument, FrameworkPublicRecordDocument, FrameworkRecordCoverageDocument, UpdateActionPlanDocument } from '@wps/sdk';
import { postGraphQL, startTestNetwork, type TestNetwork } from '@wps/tests';

/**
 * The public record of every NAP (issue 13 item 1) through the real gateway:
 * reference data of the regional subgraph for every state, connected or not,
 * and a connected member's own plans (authoritative) compared with it.
 */
describe('the public record of every NAP, through the gateway', () => {
  let hub: TestNetwork;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'record', members: ['KE', 'NG'] });
  });
  afterAll(() => hub?.stop());

  it("gives countries(framework: AU_CRF) every member's public NAP record, connected or not", async () => {
    const result = await hub.client.execute(FrameworkPublicRecordDocument, { framework: 'AU_CRF' });
    expect(result.errors).toEqual([]);
    const countries = result.data!.countries;
    expect(countries).toHaveLength(55);
    expect(countries.filter((country) => country.memberStatus === 'ACTIVE').map((country) => country.code).sort()).toEqual(['KE', 'NG']);
    expect(countries.filter((country) => country.publicRecord.listed)).toHaveLength(28);
    for (const country of countries) {
      expect(country.publicRecord.countryCode).toBe(country.code);
      expect(country.publicRecord.auStatus).not.toBeNull();
      for (const iteration of country.publicRecord.iterations) expect(iteration.sources.length).toBeGreaterThan(0);
    }
    const byCode = new Map(countries.map((country) => [country.code, country.publicRecord]));
    expect(byCode.get('NG')!.iterations.map((entry) => [entry.iteration, entry.period.start, entry.period.end, entry.adopted])).toEqual([
      [1, 2013, 2017, { value: '2013-08-27', precision: 'DAY' }],
      [2, 2017, 2020, { value: '2017-05-09', precision: 'DAY' }],
      [3, 2024, 2028, { value: '2025-12', precision: 'MONTH' }],
    ]);
    // A state that runs no subgraph still has its record: Togo's three NAPs; Guinea-Bissau's suspension, dated.
    expect(byCode.get('TG')!.iterations.map((entry) => entry.iteration)).toEqual([1, 2, 3]);
    expect(byCode.get('GW')!.auStatus).toMatchObject({ suspended: true, changes: [{ change: 'SUSPENDED', date: { value: '2025-11-28', precision: 'DAY' } }] });
  });

  it('counts coverage over all 55 AU members from the public record, with its source', async () => {
    const result = await hub.client.execute(FrameworkRecordCoverageDocument, { framework: 'AU_CRF', year: 2026 });
    expect(result.errors).toEqual([]);
    expect(result.data!.framework!.coverage.publicRecord).toMatchObject({
      source: expect.stringMatching(/^Public record of NAPs \(data\/naps\.json, gathered 2026-12-01\)/),
      year: 2026,
      members: 55,
      withNap: 28,
      withCurrentNap: 5,
      withOpenEndedNap: 2,
      withSecondGeneration: 18,
      withoutNap: 27,
    });
  });

  it("shows where a connected member's own plan and the public record disagree, and the member's write leaves the record as it is", async () => {
    const before = await hub.client.execute(CountryRecordCheckDocument, { code: 'KE' });
    expect(before.errors).toEqual([]);
    const plans = before.data!.country!.actionPlans!;
    // The demo member seeds its history from the record: nothing differs yet.
    expect(before.data!.country!.recordDisagreements).toEqual([]);
    expect(plans.map((plan) => [plan.iteration, plan.publicRecordCheck])).toEqual([
      [1, { agrees: true, differences: [], record: { iteration: 1 } }],
      [2, { agrees: true, differences: [], record: { iteration: 2 } }],
    ]);

    // Kenya's focal point extends its first plan by a year in its own subgraph.
    const kenya = createHubClient({
      url: hub.gatewayUrl,
      token: await signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE' }),
    });
    const updated = await kenya.execute(UpdateActionPlanDocument, { countryCode: 'KE', id: plans[0]!.id, input: { periodEnd: 2019, adoptedOn: '2016-04' } });
    expect(updated.errors).toEqual([]);
    expect(updated.data!.updateActionPlan!.period).toEqual({ start: 2016, end: 2019 });

    const after = await hub.client.execute(CountryRecordCheckDocument, { code: 'KE' });
    expect(after.errors).toEqual([]);
    const country = after.data!.country!;
    expect(country.actionPlans!.map((plan) => [plan.iteration, plan.period, plan.publicRecordCheck])).toEqual([
      [
        1,
        { start: 2016, end: 2019 },
        {
          agrees: false,
          differences: [
            { field: 'PERIOD_END', memberValue: '2019', recordValue: '2018' },
            { field: 'ADOPTED_ON', memberValue: '2016-04', recordValue: '2016-03-08' },
          ],
          record: { iteration: 1 },
        },
      ],
      [2, { start: 2020, end: 2024 }, { agrees: true, differences: [], record: { iteration: 2 } }],
    ]);
    expect(country.recordDisagreements).toEqual([
      { iteration: 1, field: 'PERIOD_END', memberValue: '2019', recordValue: '2018' },
      { iteration: 1, field: 'ADOPTED_ON', memberValue: '2016-04', recordValue: '2016-03-08' },
    ]);
    // The record is reference data: the member's write did not change it.
    expect(country.publicRecord.iterations[0]).toMatchObject({ iteration: 1, period: { start: 2016, end: 2018 }, adopted: { value: '2016-03-08', precision: 'DAY' } });
  });

  it("asks every AU member's own subgraph for its plans to compare them with the record: null for the states that run none", async () => {
    const { body } = await postGraphQL(hub.gatewayUrl, '{ countries(framework: AU_CRF) { code memberStatus recordDisagreements { iteration field } } }');
    expect(body.errors).toBeUndefined();
    const countries = body.data!.countries as { code: string; memberStatus: string; recordDisagreements: unknown[] | null }[];
    expect(countries).toHaveLength(55);
    for (const country of countries) {
      if (country.memberStatus === 'NOT_CONNECTED') expect(country.recordDisagreements).toBeNull();
    }
    // Nigeria's demo plans follow the record; Kenya's first plan was changed by its focal point above.
    expect(countries.find((country) => country.code === 'NG')!.recordDisagreements).toEqual([]);
    expect(countries.find((country) => country.code === 'KE')!.recordDisagreements).toEqual([
      { iteration: 1, field: 'PERIOD_END' },
      { iteration: 1, field: 'ADOPTED_ON' },
    ]);
  });
});
