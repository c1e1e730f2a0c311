import { badInput, CREATE_REPORT, PUBLIC_PLAN, PUBLISH_REPORT, RECORD_DECISION, type Row, useWriteFixture } from '../../__tests__/write-fixture.js';

describe('writes to the progress reports of one member (KE), asked directly', () => {
  const w = useWriteFixture('napreportwrites');

  describe('the happy path', () => {
    it('createProgressReport records a DRAFT with its recommendations; recordDecision; publishProgressReport makes it public', async () => {
      const { createProgressReport: report } = await w.write(CREATE_REPORT, {
        planId: w.plan.id,
        input: {
          kind: 'ANNUAL',
          title: 'Annual report 2021',
          periodStart: 2021,
          periodEnd: 2021,
          findings: ['Women hold 23% of seats.'],
          recommendations: [
            { text: 'Fund women-led CSOs.' },
            { text: 'Train police on GBV.', decision: { text: 'Accepted', decidedOn: '2022-03-01', decidedBy: 'Steering committee' } },
          ],
        },
      });
      expect(report).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        kind: 'ANNUAL',
        title: 'Annual report 2021',
        period: { start: 2021, end: 2021 },
        status: 'DRAFT',
        findings: ['Women hold 23% of seats.'],
        publishedAt: null,
        recommendations: [
          { id: expect.any(String), text: 'Fund women-led CSOs.', decision: null },
          { id: expect.any(String), text: 'Train police on GBV.', decision: { text: 'Accepted', decidedOn: '2022-03-01', decidedBy: 'Steering committee' } },
        ],
      });
      const publicReports = async () => ((await w.ask(PUBLIC_PLAN, { id: w.plan.id }, null)).body.data!.actionPlan.reports as Row[]).map((found) => found.id);
      expect(await publicReports()).not.toContain(report.id);

      const { recordDecision: decided } = await w.write(RECORD_DECISION, {
        recommendationId: report.recommendations[0].id,
        input: { text: 'Accepted, with a budget line in 2023', decidedOn: '2022-04-12' },
      });
      expect(decided).toEqual({ id: report.recommendations[0].id, text: 'Fund women-led CSOs.', decision: { text: 'Accepted, with a budget line in 2023', decidedOn: '2022-04-12', decidedBy: null } });

      const { publishProgressReport: published } = await w.write(PUBLISH_REPORT, { id: report.id });
      expect(published).toMatchObject({ id: report.id, status: 'PUBLISHED', publishedAt: expect.any(String) });
      expect(await publicReports()).toContain(report.id);
      expect(await w.harness.dataSource.query('SELECT published_by FROM progress_report WHERE id = $1', [report.id])).toEqual([{ published_by: 'focal-point:KE' }]);
    });
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    it('rule 1: a progress report period outside the plan period', async () => {
      const report = (periodStart: number, periodEnd: number) => ({ planId: w.plan.id, input: { kind: 'MID_TERM_REVIEW', title: 'Review', periodStart, periodEnd, findings: ['x'] } });
      await w.expectRefused(CREATE_REPORT, report(2022, 2025), badInput('input.periodEnd'));
      await w.expectRefused(CREATE_REPORT, report(2019, 2021), badInput('input.periodStart'));
      await w.expectRefused(CREATE_REPORT, report(2023, 2022), badInput('input.periodEnd'));
    });

    it('rule 5: publishes only a report with a finding', async () => {
      const { createProgressReport: report } = await w.write(CREATE_REPORT, { planId: w.plan.id, input: { kind: 'ANNUAL', title: 'Annual report 2022', periodStart: 2022, periodEnd: 2022 } });
      expect((await w.expectRefused(PUBLISH_REPORT, { id: report.id }, badInput('id'))).extensions.missing).toEqual(['findings']);
    });
  });
});
