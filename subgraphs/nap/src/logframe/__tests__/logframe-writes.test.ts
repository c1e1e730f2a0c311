import { badInput, CREATE_ACTIVITY, CREATE_OUTCOME, CREATE_OUTPUT, UPDATE_ACTIVITY, UPDATE_OUTCOME, UPDATE_OUTPUT, UPDATE_PLAN, useWriteFixture } from '../../__tests__/write-fixture.js';

describe('writes to the logframe of one member (KE), asked directly', () => {
  const w = useWriteFixture('naplogframewrites');

  describe('the happy path', () => {
    it('builds a logframe: outcomes under a pillar or a national pillar, outputs, activities with a partner and dates, each updatable', async () => {
      const { createOutcome: national } = await w.write(CREATE_OUTCOME, {
        planId: w.plan.id,
        input: { code: 'O9', nationalPillar: 'Climate security', statement: 'Climate risks to women are addressed.' },
      });
      expect(national).toMatchObject({ code: 'O9', pillar: null, nationalPillar: 'Climate security', isDemo: false, plan: { id: w.plan.id } });
      const { updateOutcome: moved } = await w.write(UPDATE_OUTCOME, { id: national.id, input: { pillar: 'PREVENTION', statement: 'Conflicts over resources are prevented.' } });
      expect(moved).toMatchObject({ code: 'O9', pillar: 'PREVENTION', nationalPillar: null, statement: 'Conflicts over resources are prevented.' });

      const { createOutput: created } = await w.write(CREATE_OUTPUT, { outcomeId: national.id, input: { code: 'O9.1', statement: 'Early warning includes women.' } });
      expect(created).toMatchObject({ code: 'O9.1', outcome: { id: national.id } });
      const { updateOutput: renamed } = await w.write(UPDATE_OUTPUT, { id: created.id, input: { code: 'O9.A' } });
      expect(renamed).toMatchObject({ code: 'O9.A', statement: 'Early warning includes women.' });

      const { createActivity: activity } = await w.write(CREATE_ACTIVITY, {
        outputId: created.id,
        input: { code: 'A1', title: 'Train county peace committees', responsiblePartnerId: w.partner.id, startsOn: '2021-01-15', endsOn: '2022-06-30' },
      });
      expect(activity).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        code: 'A1',
        title: 'Train county peace committees',
        timeline: { startsOn: '2021-01-15', endsOn: '2022-06-30' },
        status: 'PLANNED',
        responsiblePartner: { id: w.partner.id },
        output: { id: created.id },
      });
      const { updateActivity: ongoing } = await w.write(UPDATE_ACTIVITY, { id: activity.id, input: { status: 'ONGOING', endsOn: '2023-12-31', responsiblePartnerId: null } });
      expect(ongoing).toMatchObject({ status: 'ONGOING', timeline: { startsOn: '2021-01-15', endsOn: '2023-12-31' }, responsiblePartner: null });

      const { body } = await w.ask(`query ($id: ID!) { actionPlan(countryCode: "KE", id: $id) { outcomes { code outputs { code activities { code } } } } }`, { id: w.plan.id });
      expect(body.data!.actionPlan.outcomes).toContainEqual({ code: 'O9', outputs: [{ code: 'O9.A', activities: [{ code: 'A1' }] }] });
    });
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    it('rule 1: activity dates outside the plan period, ending before they start, or not dates', async () => {
      const activity = (input: Record<string, unknown>) => ({ outputId: w.output.id, input: { code: 'A-BAD', title: 'Out of time', ...input } });
      await w.expectRefused(CREATE_ACTIVITY, activity({ startsOn: '2019-12-31' }), badInput('input.startsOn'));
      await w.expectRefused(CREATE_ACTIVITY, activity({ startsOn: '2024-06-01', endsOn: '2025-01-01' }), badInput('input.endsOn'));
      await w.expectRefused(CREATE_ACTIVITY, activity({ startsOn: '2022-06-01', endsOn: '2022-05-31' }), badInput('input.endsOn'));
      await w.expectRefused(CREATE_ACTIVITY, activity({ startsOn: '2021-02-30' }), badInput('input.startsOn'));
      const { createActivity: kept } = await w.write(CREATE_ACTIVITY, activity({ code: 'A-OK', startsOn: '2020-01-01', endsOn: '2024-12-31' }));
      await w.expectRefused(UPDATE_ACTIVITY, { id: kept.id, input: { endsOn: '2026-01-01' } }, badInput('input.endsOn'));
    });

    it('an outcome with both or neither of pillar and nationalPillar, or a national pillar the plan does not have', async () => {
      const outcomeInput = (input: Record<string, unknown>) => ({ planId: w.plan.id, input: { code: 'O-BAD', statement: 'Bad', ...input } });
      await w.expectRefused(CREATE_OUTCOME, outcomeInput({ pillar: 'PREVENTION', nationalPillar: 'Climate security' }), badInput('input.pillar'));
      await w.expectRefused(CREATE_OUTCOME, outcomeInput({}), badInput('input.pillar'));
      const error = await w.expectRefused(CREATE_OUTCOME, outcomeInput({ nationalPillar: 'Cyber security' }), badInput('input.nationalPillar'));
      expect(error.message).toContain('"Climate security"');
      // A national pillar in use by an outcome stays on the plan.
      await w.write(CREATE_OUTCOME, outcomeInput({ code: 'O-CLIMATE', nationalPillar: 'Climate security' }));
      await w.expectRefused(UPDATE_PLAN, { id: w.plan.id, input: { nationalPillars: [] } }, badInput('input.nationalPillars'));
    });
  });
});
