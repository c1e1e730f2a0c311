import { CREATE_REPORT, PUBLISH_REPORT, type Row, UPDATE_PLAN, useWriteFixture } from '../../__tests__/write-fixture.js';

const ADD = `mutation ($countryCode: String!, $recommendationId: ID!, $input: AddFollowUpActionInput!) { addFollowUpAction(countryCode: $countryCode, recommendationId: $recommendationId, input: $input) { id } }`;
const UPDATE = `mutation ($countryCode: String!, $id: ID!, $input: UpdateFollowUpStatusInput!) { updateFollowUpStatus(countryCode: $countryCode, id: $id, input: $input) { id } }`;
/** What the gateway asks this member for a framework's follow-up view: its MemberFollowUps, by representation. */
const MEMBER_FOLLOW_UPS = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on MemberFollowUps { countryCode overdue open done oldestOverdueDue isDemo } } }`;

describe("a member's follow-ups as a framework's view asks for them (one member, KE, through _entities)", () => {
  const w = useWriteFixture('napmemberfollowups');
  const ask = async (bearer?: string | null, countryCode = 'KE') => {
    const { body } = await w.ask(MEMBER_FOLLOW_UPS, { representations: [{ __typename: 'MemberFollowUps', countryCode }] }, bearer);
    return body;
  };
  let reports: Row[];

  beforeAll(async () => {
    const decided = { decision: { text: 'Accepted', decidedOn: '2023-01-10', decidedBy: 'Steering committee' } };
    // One report on each plan: the older plan's actions count too (a final evaluation is followed up under the next plan).
    reports = [];
    await w.write(UPDATE_PLAN, { id: w.openPlan.id, input: { periodStart: 2022, periodEnd: 2026 } });
    for (const [plan, title] of [[w.plan, 'Mid-term review 2022'], [w.openPlan, 'Annual report 2023']] as const) {
      reports.push((await w.write(CREATE_REPORT, { planId: plan.id, input: { kind: 'ANNUAL', title, periodStart: 2022, periodEnd: 2022, findings: ['A finding.'], recommendations: [{ text: 'Fund county plans.', ...decided }] } })).createProgressReport);
    }
  });

  it('starts at nothing: a member with no follow-up action answers zeros, not nothing', async () => {
    expect((await ask()).data!._entities).toEqual([{ countryCode: 'KE', overdue: 0, open: 0, done: 0, oldestOverdueDue: null, isDemo: false }]);
  });

  it('counts overdue, open and done actions over every plan, the oldest overdue due date, and only published reports for the public', async () => {
    const add = async (report: Row, partner: Row, dueOn: string) =>
      (await w.write(ADD, { recommendationId: report.recommendations[0].id, input: { description: `Due on ${dueOn}`, responsiblePartnerId: partner.id, dueOn } })).addFollowUpAction as Row;
    await add(reports[0]!, w.partner, '2023-06-30');
    await add(reports[0]!, w.partner, '2099-01-31');
    const finished = await add(reports[0]!, w.partner, '2023-03-31');
    await w.write(UPDATE, { id: finished.id, input: { status: 'DONE', completedOn: '2023-03-15' } });
    const dropped = await add(reports[0]!, w.partner, '2022-12-31');
    await w.write(UPDATE, { id: dropped.id, input: { status: 'DROPPED' } });
    await add(reports[1]!, w.strangerPartner, '2021-05-01');

    // Kenya's focal point sees the drafts too: both plans' reports.
    expect((await ask()).data!._entities).toEqual([{ countryCode: 'KE', overdue: 2, open: 3, done: 1, oldestOverdueDue: '2021-05-01', isDemo: false }]);
    // The public sees the actions of published reports only: none yet, then the first plan's.
    expect((await ask(null)).data!._entities).toEqual([{ countryCode: 'KE', overdue: 0, open: 0, done: 0, oldestOverdueDue: null, isDemo: false }]);
    await w.write(PUBLISH_REPORT, { id: reports[0]!.id });
    expect((await ask(null)).data!._entities).toEqual([{ countryCode: 'KE', overdue: 1, open: 2, done: 1, oldestOverdueDue: '2023-06-30', isDemo: false }]);
  });

  it("refuses to answer for another country's follow-ups", async () => {
    const body = await ask(null, 'NG');
    expect(body.errors![0].extensions.code).toBe('COUNTRY_NOT_SERVED');
  });
});
