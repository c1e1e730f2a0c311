import { Role } from '@wps/kit';
import { openRoleDataSource } from '@wps/tests';
import { napEntities } from '../../entities.js';
import { MEMBER_APP_ROLE } from '../../migrations/1764100000000-row-level-security.js';
import { badInput, type Row, UPDATE_INDICATOR, useWriteFixture } from '../../__tests__/write-fixture.js';
import { recordFourEyesRule } from '../../member/four-eyes.js';

const LOCAL_PLAN = 'id countryCode level areaName areaCode title period { start end } adoptedOn leadAuthority status sources demoFields isDemo nationalPlan { id }';
const LOCAL_INDICATOR = 'id code title valueKind unit target { value year } isDemo nationalIndicator { id code }';
const CREATE = `mutation ($countryCode: String!, $planId: ID!, $input: CreateLocalActionPlanInput!) { createLocalActionPlan(countryCode: $countryCode, planId: $planId, input: $input) { ${LOCAL_PLAN} } }`;
const UPDATE = `mutation ($countryCode: String!, $id: ID!, $input: UpdateLocalActionPlanInput!) { updateLocalActionPlan(countryCode: $countryCode, id: $id, input: $input) { ${LOCAL_PLAN} } }`;
const ADD_INDICATOR = `mutation ($countryCode: String!, $localPlanId: ID!, $input: AddLocalIndicatorInput!) { addLocalIndicator(countryCode: $countryCode, localPlanId: $localPlanId, input: $input) { ${LOCAL_INDICATOR} } }`;
const RECORD = `mutation ($countryCode: String!, $localIndicatorId: ID!, $input: RecordLocalMeasurementInput!) { recordLocalMeasurement(countryCode: $countryCode, localIndicatorId: $localIndicatorId, input: $input) { id period value isDemo } }`;
const PLAN_LOCALS = `query ($id: ID!) { actionPlan(countryCode: "KE", id: $id) { localPlans { id level areaName status indicators { code valueKind nationalIndicator { code } measurements { period value isDemo } } } } }`;
const ROLL_UPS = `query ($id: ID!) { actionPlan(countryCode: "KE", id: $id) { indicators { code localRollUp { method value coverage { reporting linked } latestPeriod earliestPeriod isDemo } } } }`;

const county = (areaName: string, extra: Record<string, unknown> = {}) => ({ level: 'PROVINCE', areaName, title: `${areaName} County Action Plan on WPS (test)`, periodStart: 2020, periodEnd: 2024, ...extra });

describe('local (sub-national) action plans of a national plan (one member, KE, asked directly)', () => {
  const w = useWriteFixture('naplocalplans');
  const write = async (query: string, variables: Record<string, unknown>) => Object.values(await w.write(query, variables))[0] as Row;
  const rollUps = async (bearer?: string | null) => {
    const { body } = await w.ask(ROLL_UPS, { id: w.plan.id }, bearer);
    expect(body.errors).toBeUndefined();
    return Object.fromEntries((body.data!.actionPlan.indicators as Row[]).map((indicator) => [indicator.code, indicator.localRollUp]));
  };

  it('records a county plan with its own indicators and values, audited, which the public sees only once it is published', async () => {
    const local = await write(CREATE, {
      planId: w.plan.id,
      input: county('Baringo', { areaCode: 'KE-01', adoptedOn: '2021-06', leadAuthority: 'County Department of Gender', sources: ['https://example.org/baringo-cap'] }),
    });
    expect(local).toEqual({
      id: expect.any(String), countryCode: 'KE', level: 'PROVINCE', areaName: 'Baringo', areaCode: 'KE-01', title: 'Baringo County Action Plan on WPS (test)',
      period: { start: 2020, end: 2024 }, adoptedOn: '2021-06', leadAuthority: 'County Department of Gender', status: 'DRAFT',
      sources: ['https://example.org/baringo-cap'], demoFields: [], isDemo: false, nationalPlan: { id: w.plan.id },
    });
    const indicator = await write(ADD_INDICATOR, { localPlanId: local.id, input: { code: 'B1', title: 'Women peace mediators trained', valueKind: 'COUNT', target: { value: 200, year: 2024 }, nationalIndicatorId: w.count.id } });
    expect(indicator).toEqual({ id: expect.any(String), code: 'B1', title: 'Women peace mediators trained', valueKind: 'COUNT', unit: 'number', target: { value: 200, year: 2024 }, isDemo: false, nationalIndicator: { id: w.count.id, code: 'N1' } });
    const value = await write(RECORD, { localIndicatorId: indicator.id, input: { period: '2022', value: 45 } });
    expect(value).toEqual({ id: expect.any(String), period: '2022', value: 45, isDemo: false });

    const publicView = async () => (await w.ask(PLAN_LOCALS, { id: w.plan.id }, null)).body.data!.actionPlan.localPlans as Row[];
    const focalView = async () => (await w.ask(PLAN_LOCALS, { id: w.plan.id })).body.data!.actionPlan.localPlans as Row[];
    expect(await publicView()).toEqual([]);
    expect((await w.ask(`query ($id: ID!) { localActionPlan(countryCode: "KE", id: $id) { id } }`, { id: local.id }, null)).body.data!.localActionPlan).toBeNull();
    expect((await focalView()).map((plan) => plan.id)).toEqual([local.id]);
    // The database too: the role the service runs as sees no draft local plan, indicator or value without a focal point's claim.
    const app = await openRoleDataSource(w.harness.database.url, napEntities, MEMBER_APP_ROLE);
    const seen = async () => (await app.query(
      `SELECT (SELECT count(*) FROM local_action_plan WHERE id = $1)::int AS plans, (SELECT count(*) FROM local_indicator WHERE id = $2)::int AS indicators, (SELECT count(*) FROM local_measurement WHERE id = $3)::int AS values`,
      [local.id, indicator.id, value.id],
    ))[0];

    try {
      expect(await seen()).toEqual({ plans: 0, indicators: 0, values: 0 });
      const published = await write(UPDATE, { id: local.id, input: { status: 'PUBLISHED' } });
      expect(published.status).toBe('PUBLISHED');
      expect(await seen()).toEqual({ plans: 1, indicators: 1, values: 1 });
    } finally {
      await app.destroy();
    }
    expect(await publicView()).toEqual([
      { id: local.id, level: 'PROVINCE', areaName: 'Baringo', status: 'PUBLISHED', indicators: [{ code: 'B1', valueKind: 'COUNT', nationalIndicator: { code: 'N1' }, measurements: [{ period: '2022', value: 45, isDemo: false }] }] },
    ]);

    const audited = (await w.harness.dataSource.query(
      `SELECT entity, count(*)::int AS n FROM audit_log WHERE entity_id = ANY($1) GROUP BY entity ORDER BY entity`,
      [[local.id, indicator.id, value.id]],
    )) as Row[];
    expect(audited).toEqual([{ entity: 'local_action_plan', n: 2 }, { entity: 'local_indicator', n: 1 }, { entity: 'local_measurement', n: 1 }]);
    const [actor] = (await w.harness.dataSource.query(`SELECT actor, action FROM audit_log WHERE entity = 'local_measurement' AND entity_id = $1`, [value.id])) as Row[];
    expect(actor).toEqual({ actor: 'focal-point:KE', action: 'recordLocalMeasurement' });
  });

  it('rolls local values up into the national indicator: the SUM of the latest counts, the MEAN of percentages, with coverage, periods and isDemo', async () => {
    const plans: Row[] = [];
    for (const name of ['Samburu', 'Mandera', 'Marsabit']) plans.push(await write(CREATE, { planId: w.plan.id, input: county(name) }));
    const [samburu, mandera, marsabit] = plans as [Row, Row, Row];
    const counts: Row[] = [];
    const shares: Row[] = [];
    for (const local of plans) {
      counts.push(await write(ADD_INDICATOR, { localPlanId: local.id, input: { code: 'C1', title: 'Mediators trained', valueKind: 'COUNT', nationalIndicatorId: w.count.id } }));
      shares.push(await write(ADD_INDICATOR, { localPlanId: local.id, input: { code: 'S1', title: 'Women in county peace committees', valueKind: 'PERCENTAGE', nationalIndicatorId: w.percent.id } }));
    }
    // Samburu: 2021 then 2022 (the latest counts); Mandera: the first half of 2022; Marsabit links but has not reported.
    await write(RECORD, { localIndicatorId: counts[0]!.id, input: { period: '2021', value: 10 } });
    await write(RECORD, { localIndicatorId: counts[0]!.id, input: { period: '2022', value: 15 } });
    await write(RECORD, { localIndicatorId: counts[1]!.id, input: { period: '2022-H1', value: 7 } });
    await write(RECORD, { localIndicatorId: shares[0]!.id, input: { period: '2022', value: 30 } });
    await write(RECORD, { localIndicatorId: shares[1]!.id, input: { period: '2023-Q1', value: 50 } });
    for (const local of [samburu, mandera, marsabit]) await write(UPDATE, { id: local.id, input: { status: 'PUBLISHED' } });

    // Baringo (the test before) counts 45 for 2022 too.
    const focal = await rollUps();
    expect(focal.N1).toEqual({ method: 'SUM', value: 45 + 15 + 7, coverage: { reporting: 3, linked: 4 }, latestPeriod: '2022', earliestPeriod: '2022-H1', isDemo: false });
    expect(focal.P1).toEqual({ method: 'MEAN', value: 40, coverage: { reporting: 2, linked: 3 }, latestPeriod: '2023-Q1', earliestPeriod: '2022', isDemo: false });
    expect(focal.Q1).toBeNull();
    expect(await rollUps(null)).toEqual(focal);

    // A draft local plan counts for the member's own people only.
    const draft = await write(CREATE, { planId: w.plan.id, input: county('Isiolo') });
    const draftCount = await write(ADD_INDICATOR, { localPlanId: draft.id, input: { code: 'C1', title: 'Mediators trained', valueKind: 'COUNT', nationalIndicatorId: w.count.id } });
    await write(RECORD, { localIndicatorId: draftCount.id, input: { period: '2022', value: 100 } });
    expect((await rollUps()).N1).toMatchObject({ value: 167, coverage: { reporting: 4, linked: 5 } });
    expect((await rollUps(null)).N1).toMatchObject({ value: 67, coverage: { reporting: 3, linked: 4 } });

    // One generated value among the inputs makes the roll-up demo.
    await w.harness.dataSource.query(`UPDATE local_measurement SET is_demo = true WHERE local_indicator_id = $1`, [shares[1]!.id]);
    expect((await rollUps(null)).P1.isDemo).toBe(true);
    expect((await rollUps(null)).N1.isDemo).toBe(false);
  });

  it('refuses bad input naming the field (BAD_USER_INPUT) or an unknown id (NOT_FOUND), writing nothing', async () => {
    const local = await write(CREATE, { planId: w.plan.id, input: county('Laikipia', { periodStart: 2021, periodEnd: 2023 }) });
    const indicator = await write(ADD_INDICATOR, { localPlanId: local.id, input: { code: 'L1', title: 'Survivors referred', valueKind: 'COUNT' } });
    const plan = { planId: w.plan.id };
    await w.expectRefused(CREATE, { ...plan, input: county('Elsewhere', { areaCode: 'UG-102' }) }, badInput('input.areaCode'));
    await w.expectRefused(CREATE, { ...plan, input: county('Elsewhere', { areaCode: 'ke-01' }) }, badInput('input.areaCode'));
    await w.expectRefused(CREATE, { ...plan, input: county('Elsewhere', { periodStart: 2024, periodEnd: 2020 }) }, badInput('input.periodEnd'));
    await w.expectRefused(CREATE, { ...plan, input: county('Elsewhere', { adoptedOn: '2021-13' }) }, badInput('input.adoptedOn'));
    await w.expectRefused(CREATE, { ...plan, input: county('Elsewhere', { sources: ['not a url'] }) }, badInput('input.sources[0]'));
    await w.expectRefused(CREATE, { ...plan, input: county('   ') }, badInput('input.areaName'));
    await w.expectRefused(CREATE, { ...plan, input: county('Laikipia') }, badInput('input.areaName'));
    await w.expectRefused(CREATE, { planId: '00000000-0000-4000-8000-000000000000', input: county('Elsewhere') }, { code: 'NOT_FOUND', field: 'planId' });

    const add = (input: Record<string, unknown>) => ({ localPlanId: local.id, input: { code: 'L2', title: 'A local indicator', valueKind: 'COUNT', ...input } });
    await w.expectRefused(ADD_INDICATOR, add({ code: 'L 2' }), badInput('input.code'));
    await w.expectRefused(ADD_INDICATOR, add({ code: 'L1' }), badInput('input.code'));
    await w.expectRefused(ADD_INDICATOR, add({ valueKind: 'PERCENTAGE', target: { value: 120 } }), badInput('input.target.value'));
    await w.expectRefused(ADD_INDICATOR, add({ target: { value: 10, year: 2025 } }), badInput('input.target.year'));
    await w.expectRefused(ADD_INDICATOR, add({ nationalIndicatorId: w.openIndicator.id }), badInput('input.nationalIndicatorId'));
    await w.expectRefused(ADD_INDICATOR, add({ nationalIndicatorId: w.percent.id }), badInput('input.nationalIndicatorId'));
    await w.expectRefused(ADD_INDICATOR, add({ valueKind: 'PERCENTAGE', nationalIndicatorId: w.story.id }), badInput('input.nationalIndicatorId'));
    await w.expectRefused(ADD_INDICATOR, add({ nationalIndicatorId: 'not-an-id' }), badInput('input.nationalIndicatorId'));
    await write(ADD_INDICATOR, add({ code: 'L3', nationalIndicatorId: w.count.id }));
    // The national indicator a local one rolls up to keeps its unit and kind: the client's input is refused by the service, naming the field, before the database's trigger would.
    await w.expectRefused(UPDATE_INDICATOR, { id: w.count.id, input: { unit: 'persons' } }, badInput('input.unit'));
    await w.expectRefused(UPDATE_INDICATOR, { id: w.count.id, input: { kind: 'QUALITATIVE' } }, badInput('input.kind'));
    await w.expectRefused(ADD_INDICATOR, add({ nationalIndicatorId: w.count.id }), badInput('input.nationalIndicatorId'));

    const record = (input: Record<string, unknown>) => ({ localIndicatorId: indicator.id, input: { period: '2022', value: 1, ...input } });
    await w.expectRefused(RECORD, record({ period: '2022-Q5' }), badInput('input.period'));
    await w.expectRefused(RECORD, record({ period: '2024' }), badInput('input.period'));
    await w.expectRefused(RECORD, record({ value: -1 }), badInput('input.value'));
    await write(RECORD, record({}));
    await w.expectRefused(RECORD, record({ value: 2 }), badInput('input.period'));
    await w.expectRefused(RECORD, { ...record({}), localIndicatorId: '00000000-0000-4000-8000-000000000000' }, { code: 'NOT_FOUND', field: 'localIndicatorId' });

    await w.expectRefused(UPDATE, { id: local.id, input: { periodStart: 2023 } }, badInput('input.periodStart'));
    await w.expectRefused(UPDATE, { id: local.id, input: {} }, badInput('input'));
    await write(UPDATE, { id: local.id, input: { status: 'PUBLISHED' } });
    await w.expectRefused(UPDATE, { id: local.id, input: { status: 'DRAFT' } }, badInput('input.status'));
  });

  it("refuses the public (UNAUTHENTICATED), another member's focal point and a regional analyst (FORBIDDEN), writing nothing", async () => {
    const variables = { planId: w.plan.id, input: county('Turkana') };
    const before = await w.tableState();
    const anonymous = await w.ask(CREATE, variables, null);
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const nigeria = await w.ask(CREATE, variables, await w.harness.sign({ subject: 'focal-point:NG', roles: [Role.FOCAL_POINT], country: 'NG' }));
    expect(nigeria.body.errors![0].extensions.code).toBe('FORBIDDEN');
    const analyst = await w.ask(CREATE, variables, await w.harness.sign({ subject: 'analyst:AU', roles: [Role.REGIONAL_ANALYST] }));
    expect(analyst.body.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await w.tableState()).toEqual(before);
  });

  it('asks a second focal point to publish a local plan when the member requires four eyes (FORBIDDEN for the one who drafted it)', async () => {
    const local = await write(CREATE, { planId: w.plan.id, input: county('Nakuru') });
    await recordFourEyesRule(w.harness.dataSource, true);
    try {
      const own = await w.expectRefused(UPDATE, { id: local.id, input: { status: 'PUBLISHED' } }, { code: 'FORBIDDEN' });
      expect(own.message).toMatch(/four-eyes/);
      const second = await w.harness.sign({ subject: 'focal-point-2:KE', roles: [Role.FOCAL_POINT], country: 'KE' });
      expect((await w.ask(UPDATE, { id: local.id, input: { status: 'PUBLISHED' } }, second)).body.data!.updateLocalActionPlan.status).toBe('PUBLISHED');
    } finally {
      await recordFourEyesRule(w.harness.dataSource, false);
    }
  });

  it('is held by the database too: a local indicator never rolls up to an indicator of another national plan or of another unit, whoever writes it', async () => {
    const local = await write(CREATE, { planId: w.plan.id, input: county('Kajiado') });
    const linked = await write(ADD_INDICATOR, { localPlanId: local.id, input: { code: 'K1', title: 'Mediators trained', valueKind: 'COUNT', nationalIndicatorId: w.count.id } });
    const owner = w.harness.dataSource;
    await expect(
      owner.query(`INSERT INTO local_indicator (id, local_plan_id, code, title, value_kind, national_indicator_id) VALUES (gen_random_uuid(), $1, 'K2', 'Shelters', 'COUNT', $2)`, [local.id, w.openIndicator.id]),
    ).rejects.toThrow(/its own national plan/);
    await expect(owner.query(`UPDATE local_indicator SET national_indicator_id = $2 WHERE id = $1`, [linked.id, w.openIndicator.id])).rejects.toThrow(/its own national plan/);
    await expect(owner.query(`UPDATE local_indicator SET value_kind = 'PERCENTAGE' WHERE id = $1`, [linked.id])).rejects.toThrow(/rolls up only to a quantitative national indicator/);
    // From the national side: the linked indicator keeps its plan and unit.
    await expect(owner.query(`UPDATE indicator SET unit = '%' WHERE id = $1`, [w.count.id])).rejects.toThrow(/local indicators roll up to this indicator/);
    await expect(owner.query(`UPDATE indicator SET plan_id = $2 WHERE id = $1`, [w.count.id, w.openPlan.id])).rejects.toThrow(/local indicators roll up to this indicator/);
    await expect(owner.query(`UPDATE local_action_plan SET plan_id = $2 WHERE id = $1`, [local.id, w.openPlan.id])).rejects.toThrow(/stays under its national plan/);
    const [{ n }] = (await owner.query(`SELECT count(*)::int AS n FROM local_indicator WHERE local_plan_id = $1`, [local.id])) as { n: number }[];
    expect(n).toBe(1);
  });
});
