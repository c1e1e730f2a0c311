import { badInput, CREATE_PLAN, measurementInput, RECORD_MEASUREMENT, UPDATE_PLAN, useWriteFixture } from '../../__tests__/write-fixture.js';

describe('writes to the plans of one member (KE), asked directly', () => {
  const w = useWriteFixture('napplanwrites');

  describe('the happy path', () => {
    it('createActionPlan stores every field and returns the plan as the contract shows it, a DRAFT unless told otherwise', async () => {
      const { createActionPlan: created } = await w.write(CREATE_PLAN, {
        input: {
          iteration: 3,
          title: '  Kenya Third NAP  ',
          periodStart: 2025,
          periodEnd: 2029,
          adoptedOn: '2025-03',
          adoptionInstrument: 'Cabinet decision',
          leadAgency: 'State Department for Gender',
          focus: 'BOTH',
          pillars: ['PARTICIPATION', 'PROTECTION', 'PARTICIPATION'],
          nationalPillars: ['Climate security', 'Countering violent extremism'],
          coordinationMechanism: 'National Steering Committee',
          civilSocietyInCoordinationBody: true,
          civilSocietyRoles: ['DESIGN', 'MONITORING'],
          baselineStudy: true,
          costed: true,
          earmarked: false,
          sources: { references: ['https://example.org/kenya-nap-3'], note: 'Validated in 2025', conflict: null },
          documents: [
            { title: 'The plan', url: 'https://example.org/kenya-nap-3.pdf', kind: 'PLAN', language: 'en' },
            { title: 'Baseline study', kind: 'BASELINE_STUDY' },
          ],
        },
      });
      expect(created).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        iteration: 3,
        title: 'Kenya Third NAP',
        period: { start: 2025, end: 2029 },
        status: 'DRAFT',
        adoptedOn: '2025-03',
        adoptionInstrument: 'Cabinet decision',
        leadAgency: 'State Department for Gender',
        focus: 'BOTH',
        pillars: ['PARTICIPATION', 'PROTECTION'],
        nationalPillars: ['Climate security', 'Countering violent extremism'],
        coordinationMechanism: 'National Steering Committee',
        civilSocietyInCoordinationBody: true,
        civilSocietyRoles: ['DESIGN', 'MONITORING'],
        baselineStudy: true,
        demoFields: [],
        sources: { references: ['https://example.org/kenya-nap-3'], note: 'Validated in 2025', conflict: null, verified: true },
        documents: [
          { title: 'The plan', url: 'https://example.org/kenya-nap-3.pdf', kind: 'PLAN', language: 'en' },
          { title: 'Baseline study', url: null, kind: 'BASELINE_STUDY', language: null },
        ],
        budget: { costed: true, earmarked: false },
      });
      const [row] = await w.harness.dataSource.query('SELECT iteration, title, status FROM national_action_plan WHERE id = $1', [created.id]);
      expect(row).toEqual({ iteration: 3, title: 'Kenya Third NAP', status: 'DRAFT' });
    });

    it('updateActionPlan changes only the fields it is given, clears those set to null, and replaces the documents', async () => {
      const { createActionPlan: created } = await w.write(CREATE_PLAN, {
        input: {
          iteration: 4,
          title: 'Before',
          status: 'ADOPTED',
          leadAgency: 'Ministry A',
          adoptionInstrument: 'Decree',
          documents: [
            { title: 'Old one', kind: 'PLAN' },
            { title: 'Old two', kind: 'REPORT' },
          ],
        },
      });
      const { updateActionPlan: updated } = await w.write(UPDATE_PLAN, {
        id: created.id,
        input: { title: 'After', leadAgency: null, periodStart: 2021, periodEnd: null, documents: [{ title: 'New', url: 'http://example.org/new', kind: 'OTHER', language: 'fr' }] },
      });
      expect(updated).toMatchObject({
        id: created.id,
        iteration: 4,
        title: 'After',
        status: 'ADOPTED',
        leadAgency: null,
        adoptionInstrument: 'Decree',
        period: { start: 2021, end: null },
        documents: [{ title: 'New', url: 'http://example.org/new', kind: 'OTHER', language: 'fr' }],
      });
      expect(await w.harness.dataSource.query('SELECT count(*)::int AS n FROM plan_document WHERE plan_id = $1', [created.id])).toEqual([{ n: 1 }]);
    });
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    it('rule 1: a new plan period that would leave what is already dated in the plan outside it', async () => {
      await w.write(RECORD_MEASUREMENT, measurementInput(w.percent, '2020', { value: 21 }));
      const error = await w.expectRefused(UPDATE_PLAN, { id: w.plan.id, input: { periodStart: 2021 } }, badInput('input.periodStart'));
      expect(error.message).toMatch(/from 2020, before 2021/);
      await w.expectRefused(UPDATE_PLAN, { id: w.plan.id, input: { periodStart: null } }, badInput('input.periodStart'));
      await w.expectRefused(UPDATE_PLAN, { id: w.plan.id, input: { periodEnd: 2019 } }, badInput('input.periodEnd'));
    });

    it('other malformed values: a partial date, a document URL, a year', async () => {
      await w.expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', adoptedOn: '2016-13' } }, badInput('input.adoptedOn'));
      await w.expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', adoptedOn: '12/05/2016' } }, badInput('input.adoptedOn'));
      await w.expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', documents: [{ title: 'ok', kind: 'PLAN' }, { title: 'ftp', url: 'ftp://example.org/x', kind: 'PLAN' }] } }, badInput('input.documents[1].url'));
      await w.expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', periodStart: 2024, periodEnd: 2020 } }, badInput('input.periodEnd'));
      await w.expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', periodStart: 1989 } }, badInput('input.periodStart'));
      await w.expectRefused(CREATE_PLAN, { input: { iteration: 0, title: 'x' } }, badInput('input.iteration'));
      await w.expectRefused(CREATE_PLAN, { input: { iteration: 10, title: 'x', nationalPillars: ['PREVENTION'] } }, badInput('input.nationalPillars'));
    });
  });
});
