import { badInput, CREATE_REPORT, PUBLISH_REPORT, type Row, useWriteFixture } from '../../__tests__/write-fixture.js';

const ACTION = 'id description dueOn status completedOn overdue isDemo responsiblePartner { id name }';
const ADD = `mutation ($countryCode: String!, $recommendationId: ID!, $input: AddFollowUpActionInput!) { addFollowUpAction(countryCode: $countryCode, recommendationId: $recommendationId, input: $input) { ${ACTION} } }`;
const UPDATE = `mutation ($countryCode: String!, $id: ID!, $input: UpdateFollowUpStatusInput!) { updateFollowUpStatus(countryCode: $countryCode, id: $id, input: $input) { ${ACTION} } }`;
const PLAN_ACTIONS = `query ($id: ID!, $overdueOnly: Boolean!) { actionPlan(countryCode: "KE", id: $id) { followUpActions(overdueOnly: $overdueOnly) { id status overdue } reports { recommendations { followUpActions { id } } } } }`;

describe('follow-up actions of the decisions on recommendations (one member, KE, asked directly)', () => {
  const w = useWriteFixture('napfollowup');
  let decided: Row;
  let undecided: Row;
  let report: Row;

  beforeAll(async () => {
    report = (
      await w.write(CREATE_REPORT, {
        planId: w.plan.id,
        input: {
          kind: 'MID_TERM_REVIEW',
          title: 'Mid-term review 2022',
          periodStart: 2020,
          periodEnd: 2022,
          findings: ['Few county plans are funded.'],
          recommendations: [{ text: 'Fund county plans.', decision: { text: 'Accepted', decidedOn: '2023-01-10', decidedBy: 'Steering committee' } }, { text: 'Train mediators.' }],
        },
      })
    ).createProgressReport;
    [decided, undecided] = report.recommendations;
  });

  it('turns a decision into actions; the public sees those of published reports, and which are overdue', async () => {
    const late = (await w.write(ADD, { recommendationId: decided.id, input: { description: 'County budget lines for the plan', responsiblePartnerId: w.partner.id, dueOn: '2023-06-30' } })).addFollowUpAction;
    expect(late).toEqual({ id: expect.any(String), description: 'County budget lines for the plan', dueOn: '2023-06-30', status: 'PLANNED', completedOn: null, overdue: true, isDemo: false, responsiblePartner: { id: w.partner.id, name: w.partner.name } });
    const future = (await w.write(ADD, { recommendationId: decided.id, input: { description: 'Review of county allocations', responsiblePartnerId: w.partner.id, dueOn: '2099-01-31' } })).addFollowUpAction;
    expect(future.overdue).toBe(false);

    const publicView = async (overdueOnly: boolean) => (await w.ask(PLAN_ACTIONS, { id: w.plan.id, overdueOnly }, null)).body.data!.actionPlan.followUpActions as Row[];
    expect(await publicView(false)).toEqual([]);
    await w.write(PUBLISH_REPORT, { id: report.id });
    expect((await publicView(false)).map((action) => action.id)).toEqual([late.id, future.id]);
    expect(await publicView(true)).toEqual([{ id: late.id, status: 'PLANNED', overdue: true }]);

    const done = (await w.write(UPDATE, { id: late.id, input: { status: 'DONE', completedOn: '2023-09-01' } })).updateFollowUpStatus;
    expect(done).toMatchObject({ status: 'DONE', completedOn: '2023-09-01', overdue: false });
    expect(await publicView(true)).toEqual([]);
    const audited = await w.harness.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'follow_up_action' AND entity_id = $1`, [late.id]);
    expect(audited).toEqual([{ n: 2 }]);
  });

  it('refuses an action without a decision, with a partner of another plan, or a bad date, and a DONE without its date, writing nothing', async () => {
    const input = { description: 'Something to do', responsiblePartnerId: w.partner.id, dueOn: '2024-01-01' };
    await w.expectRefused(ADD, { recommendationId: undecided.id, input }, badInput('recommendationId'));
    await w.expectRefused(ADD, { recommendationId: decided.id, input: { ...input, responsiblePartnerId: w.strangerPartner.id } }, badInput('input.responsiblePartnerId'));
    await w.expectRefused(ADD, { recommendationId: decided.id, input: { ...input, dueOn: '2024-02-30' } }, badInput('input.dueOn'));
    await w.expectRefused(ADD, { recommendationId: '00000000-0000-4000-8000-000000000000', input }, { code: 'NOT_FOUND', field: 'recommendationId' });
    const action = (await w.write(ADD, { recommendationId: decided.id, input })).addFollowUpAction;
    await w.expectRefused(UPDATE, { id: action.id, input: { status: 'DONE' } }, badInput('input.completedOn'));
    await w.expectRefused(UPDATE, { id: action.id, input: { status: 'IN_PROGRESS', completedOn: '2024-01-01' } }, badInput('input.completedOn'));
  });

  it("refuses the public and another country's focal point (FORBIDDEN or UNAUTHENTICATED)", async () => {
    const input = { description: 'Something to do', responsiblePartnerId: w.partner.id, dueOn: '2024-01-01' };
    const anonymous = await w.ask(ADD, { recommendationId: decided.id, input }, null);
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const nigeria = await w.ask(ADD, { recommendationId: decided.id, input }, await w.harness.sign({ subject: 'focal-point:NG', roles: ['FOCAL_POINT' as never], country: 'NG' }));
    expect(nigeria.body.errors![0].extensions.code).toBe('FORBIDDEN');
  });
});
