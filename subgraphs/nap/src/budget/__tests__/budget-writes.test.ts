import { badInput, PUBLIC_PLAN, PUBLISH_BUDGET_LINE, RECORD_BUDGET_LINE, RECORD_EXECUTION, type Row, useWriteFixture } from '../../__tests__/write-fixture.js';

describe('writes to the budget lines of one member (KE), asked directly', () => {
  const w = useWriteFixture('napbudgetwrites');

  describe('the happy path', () => {
    it('recordBudgetLine records a DRAFT; recordBudgetExecution updates disbursed and spent; publishBudgetLine makes it public', async () => {
      const { recordBudgetLine: line } = await w.write(RECORD_BUDGET_LINE, {
        planId: w.plan.id,
        input: { fiscalYear: 2022, partnerId: w.partner.id, description: 'Training of peace committees', currency: 'KES', allocated: 1_000_000, fundingSource: 'NATIONAL_BUDGET' },
      });
      expect(line).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        fiscalYear: 2022,
        description: 'Training of peace committees',
        currency: 'KES',
        allocated: 1_000_000,
        disbursed: 0,
        spent: 0,
        fundingSource: 'NATIONAL_BUDGET',
        status: 'DRAFT',
        partner: { id: w.partner.id },
        activity: null,
        disbursementRate: 0,
        executionRate: 0,
      });
      const publicLines = async () => ((await w.ask(PUBLIC_PLAN, { id: w.plan.id }, null)).body.data!.actionPlan.budgetLines as Row[]).map((found) => found.id);
      expect(await publicLines()).not.toContain(line.id);

      const { recordBudgetExecution: executed } = await w.write(RECORD_EXECUTION, { budgetLineId: line.id, input: { disbursed: 500_000, spent: 250_000.5 } });
      expect(executed).toMatchObject({ allocated: 1_000_000, disbursed: 500_000, spent: 250_000.5, disbursementRate: 0.5, executionRate: 0.25 });

      const { publishBudgetLine: published } = await w.write(PUBLISH_BUDGET_LINE, { id: line.id });
      expect(published.status).toBe('PUBLISHED');
      expect(await publicLines()).toContain(line.id);
      expect((await w.ask(PUBLIC_PLAN, { id: w.plan.id }, null)).body.data!.actionPlan.budget.totals).toEqual([
        { currency: 'KES', allocated: 1_000_000, disbursed: 500_000, spent: 250_000.5 },
      ]);
    });
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    it('rule 1: a budget fiscal year outside the plan period', async () => {
      const line = (fiscalYear: number, planId = w.plan.id) => ({ planId, input: { fiscalYear, partnerId: null, description: 'Out of time', currency: 'KES', allocated: 1, fundingSource: 'DONOR' } });
      await w.expectRefused(RECORD_BUDGET_LINE, line(2019), badInput('input.fiscalYear'));
      await w.expectRefused(RECORD_BUDGET_LINE, line(2025), badInput('input.fiscalYear'));
      await w.expectRefused(RECORD_BUDGET_LINE, line(2021, w.openPlan.id), badInput('input.fiscalYear'));
    });

    it('rule 3: negative money, and a currency that is not an ISO 4217 code', async () => {
      const line = (input: Record<string, unknown>) => ({
        planId: w.plan.id,
        input: { fiscalYear: 2023, partnerId: w.partner.id, description: 'Shelters', currency: 'KES', allocated: 100, fundingSource: 'DONOR', ...input },
      });
      await w.expectRefused(RECORD_BUDGET_LINE, line({ allocated: -1 }), badInput('input.allocated'));
      await w.expectRefused(RECORD_BUDGET_LINE, line({ spent: -0.01 }), badInput('input.spent'));
      await w.expectRefused(RECORD_BUDGET_LINE, line({ currency: 'kes' }), badInput('input.currency'));
      await w.expectRefused(RECORD_BUDGET_LINE, line({ currency: 'KSH1' }), badInput('input.currency'));
      const { recordBudgetLine: kept } = await w.write(RECORD_BUDGET_LINE, line({}));
      await w.expectRefused(RECORD_EXECUTION, { budgetLineId: kept.id, input: { disbursed: -5 } }, badInput('input.disbursed'));
      await w.expectRefused(RECORD_EXECUTION, { budgetLineId: kept.id, input: { disbursed: 1e17 } }, badInput('input.disbursed'));
    });

    it('rule 5: publishes only a budget line with a partner or an activity', async () => {
      const { recordBudgetLine: line } = await w.write(RECORD_BUDGET_LINE, {
        planId: w.plan.id,
        input: { fiscalYear: 2022, description: 'Unassigned', currency: 'KES', allocated: 10, fundingSource: 'OTHER' },
      });
      expect((await w.expectRefused(PUBLISH_BUDGET_LINE, { id: line.id }, badInput('id'))).extensions.missing).toEqual(['partnerId or activityId']);
    });
  });
});
