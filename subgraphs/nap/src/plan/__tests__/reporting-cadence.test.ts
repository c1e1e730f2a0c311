import { badInput, type Row, UPDATE_PLAN, useWriteFixture } from '../../__tests__/write-fixture.js';

const SET_CADENCE = `mutation ($countryCode: String!, $id: ID!, $input: UpdateActionPlanInput!) { updateActionPlan(countryCode: $countryCode, id: $id, input: $input) { id reportingCadence { cadence note sources isDemo } } }`;
const PUBLIC_CADENCE = `query ($id: ID!) { actionPlan(countryCode: "KE", id: $id) { reportingCadence { cadence note sources isDemo } } }`;

describe("a plan's own reporting cadence (one member, KE, asked directly)", () => {
  const w = useWriteFixture('napcadence');
  const publicCadence = async () => ((await w.ask(PUBLIC_CADENCE, { id: w.plan.id }, null)).body.data!.actionPlan as Row).reportingCadence;

  it('is null until known; the member sets it through its plan update, the public sees it, and the change is audited', async () => {
    expect(await publicCadence()).toBeNull();
    const input = { reportingCadence: { cadence: 'SEMI_ANNUAL', note: ' Six-monthly progress reports ', sources: ['https://example.org/nap.pdf p. 18'] } };
    const set = (await w.write(SET_CADENCE, { id: w.plan.id, input })).updateActionPlan;
    const expected = { cadence: 'SEMI_ANNUAL', note: 'Six-monthly progress reports', sources: ['https://example.org/nap.pdf p. 18'], isDemo: false };
    expect(set.reportingCadence).toEqual(expected);
    expect(await publicCadence()).toEqual(expected);
    // Left out, it keeps its value; null clears it with its note and sources.
    await w.write(UPDATE_PLAN, { id: w.plan.id, input: { leadAgency: 'Ministry of Gender' } });
    expect(await publicCadence()).toEqual(expected);
    expect((await w.write(SET_CADENCE, { id: w.plan.id, input: { reportingCadence: null } })).updateActionPlan.reportingCadence).toBeNull();
    const audited = await w.harness.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'national_action_plan' AND entity_id = $1 AND (after ->> 'reporting_cadence') IS DISTINCT FROM (before ->> 'reporting_cadence')`,
      [w.plan.id],
    );
    expect(audited).toEqual([{ n: 2 }]);
  });

  it('refuses a bad cadence (blank or repeated source, overlong note) and other countries, writing nothing', async () => {
    const cadence = (extra: Row) => ({ reportingCadence: { cadence: 'ANNUAL', ...extra } });
    await w.expectRefused(SET_CADENCE, { id: w.plan.id, input: cadence({ sources: ['  '] }) }, badInput('input.reportingCadence.sources[0]'));
    await w.expectRefused(SET_CADENCE, { id: w.plan.id, input: cadence({ sources: ['a', 'a'] }) }, badInput('input.reportingCadence.sources[1]'));
    await w.expectRefused(SET_CADENCE, { id: w.plan.id, input: cadence({ note: 'x'.repeat(1001) }) }, badInput('input.reportingCadence.note'));
    const anonymous = await w.ask(SET_CADENCE, { id: w.plan.id, input: cadence({}) }, null);
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const nigeria = await w.ask(SET_CADENCE, { id: w.plan.id, input: cadence({}) }, await w.harness.sign({ subject: 'focal-point:NG', roles: ['FOCAL_POINT' as never], country: 'NG' }));
    expect(nigeria.body.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await publicCadence()).toBeNull();
  });
});
