import { Role } from '@wps/kit';
import { badInput, PUBLISH_BUDGET_LINE, type Row, useWriteFixture } from '../../__tests__/write-fixture.js';

const LINE = 'id currency allocated disbursed costedEstimate fundingGap genderMarker status disbursements { id disbursedOn amount recipientType recipientName isDemo }';
const RECORD_LINE = `mutation ($countryCode: String!, $planId: ID!, $input: RecordBudgetLineInput!) { recordBudgetLine(countryCode: $countryCode, planId: $planId, input: $input) { ${LINE} } }`;
const RECORD_DISBURSEMENT = `mutation ($countryCode: String!, $budgetLineId: ID!, $input: RecordDisbursementInput!) { recordDisbursement(countryCode: $countryCode, budgetLineId: $budgetLineId, input: $input) { id disbursedOn amount recipientType recipientName isDemo } }`;
const SET_MARKER = `mutation ($countryCode: String!, $budgetLineId: ID!, $genderMarker: GenderMarker!) { setBudgetLineGenderMarker(countryCode: $countryCode, budgetLineId: $budgetLineId, genderMarker: $genderMarker) { ${LINE} } }`;
const SET_ESTIMATE = `mutation ($countryCode: String!, $planId: ID!, $estimate: CostedEstimateInput) { setPlanCostedEstimate(countryCode: $countryCode, planId: $planId, estimate: $estimate) { id demoFields } }`;
const RECORD_EXECUTION = `mutation ($countryCode: String!, $budgetLineId: ID!, $input: BudgetExecutionInput!) { recordBudgetExecution(countryCode: $countryCode, budgetLineId: $budgetLineId, input: $input) { ${LINE} } }`;
const FINANCING = /* GraphQL */ `
  query ($id: ID!) {
    actionPlan(countryCode: "KE", id: $id) {
      financing {
        currency costedEstimate costedEstimateSource allocated disbursed spent fundingGap shareToCivilSociety shareToGrassroots
        byRecipientType { recipientType amount share } otherCurrencies isDemo demoInputs
        byCurrency { currency costedEstimate allocated disbursed fundingGap shareToCivilSociety shareToGrassroots byGenderMarker { genderMarker allocated share } }
      }
      budgetLines { ${LINE} }
    }
  }
`;

describe('financing of one member (KE): costed estimate, funding gap, gender marker and disbursements by recipient, asked directly', () => {
  const w = useWriteFixture('napfinancing');
  let line: Row;

  beforeAll(async () => {
    ({ recordBudgetLine: line } = await w.write(RECORD_LINE, {
      planId: w.plan.id,
      input: { fiscalYear: 2022, partnerId: w.partner.id, description: 'Grants to women peacebuilders', currency: 'KES', allocated: 1_000_000, fundingSource: 'DONOR', genderMarker: 'PRINCIPAL', costedEstimate: 1_200_000 },
    }));
  });

  const financing = async (bearer?: string | null) => {
    const { body } = await w.ask(FINANCING, { id: w.plan.id }, bearer);
    expect(body.errors).toBeUndefined();
    return body.data!.actionPlan as { financing: Row; budgetLines: Row[] };
  };

  it('records disbursements by recipient type; the funding gap and the share to civil society are computed from these rows, and the public sees them once the line is published', async () => {
    expect(line).toMatchObject({ genderMarker: 'PRINCIPAL', costedEstimate: 1_200_000, fundingGap: 200_000, disbursed: 0, disbursements: [] });
    const pay = (amount: number, recipientType: string, recipientName: string | null = null) =>
      w.write(RECORD_DISBURSEMENT, { budgetLineId: line.id, input: { disbursedOn: '2022-06-30', amount, recipientType, recipientName } });
    expect((await pay(300_000, 'WOMENS_RIGHTS_ORGANISATION', 'Women Peace Network')).recordDisbursement).toMatchObject({ amount: 300_000, recipientType: 'WOMENS_RIGHTS_ORGANISATION', recipientName: 'Women Peace Network', isDemo: false });
    await pay(100_000, 'GRASSROOTS');
    await pay(100_000, 'GOVERNMENT', 'County government');
    // 100 000 more disbursed as a total only: it counts as UNKNOWN, never dropped from the shares.
    const { recordBudgetExecution: executed } = await w.write(RECORD_EXECUTION, { budgetLineId: line.id, input: { disbursed: 600_000, spent: 400_000 } });
    expect(executed.disbursed).toBe(600_000);
    await w.write(SET_ESTIMATE, { planId: w.plan.id, estimate: { amount: 5_000_000, currency: 'KES', source: 'Costed implementation matrix (test)' } });

    // A draft line and its disbursements stay with the member.
    const before = await financing(null);
    expect(before.budgetLines).toEqual([]);
    expect(before.financing).toMatchObject({ currency: 'KES', costedEstimate: 5_000_000, allocated: 0, fundingGap: 5_000_000, shareToCivilSociety: null });

    await w.write(PUBLISH_BUDGET_LINE, { id: line.id });
    const { financing: seen, budgetLines } = await financing(null);
    expect(budgetLines[0]!.disbursements.map((row: Row) => row.amount)).toEqual([300_000, 100_000, 100_000]);
    expect(seen).toEqual({
      currency: 'KES',
      costedEstimate: 5_000_000,
      costedEstimateSource: 'Costed implementation matrix (test)',
      allocated: 1_000_000,
      disbursed: 600_000,
      spent: 400_000,
      fundingGap: 4_000_000,
      shareToCivilSociety: 0.6667,
      shareToGrassroots: 0.1667,
      byRecipientType: [
        { recipientType: 'GOVERNMENT', amount: 100_000, share: 0.1667 },
        { recipientType: 'WOMENS_RIGHTS_ORGANISATION', amount: 300_000, share: 0.5 },
        { recipientType: 'GRASSROOTS', amount: 100_000, share: 0.1667 },
        { recipientType: 'UNKNOWN', amount: 100_000, share: 0.1667 },
      ],
      otherCurrencies: [],
      isDemo: false,
      demoInputs: [],
      byCurrency: [
        {
          currency: 'KES',
          costedEstimate: 5_000_000,
          allocated: 1_000_000,
          disbursed: 600_000,
          fundingGap: 4_000_000,
          shareToCivilSociety: 0.6667,
          shareToGrassroots: 0.1667,
          byGenderMarker: [{ genderMarker: 'PRINCIPAL', allocated: 1_000_000, share: 1 }],
        },
      ],
    });
    // Every write is in the member's audit log, under its actor.
    const audited = (await w.harness.dataSource.query(`SELECT actor, action FROM audit_log WHERE entity = 'disbursement' ORDER BY id`)) as Row[];
    expect(audited).toEqual(Array(3).fill({ actor: 'focal-point:KE', action: 'recordDisbursement' }));
  });

  it('never adds two currencies: a line in another currency is reported on its own and left out of the headline figures', async () => {
    const { recordBudgetLine: dollars } = await w.write(RECORD_LINE, {
      planId: w.plan.id,
      input: { fiscalYear: 2023, partnerId: w.partner.id, description: 'Donor-funded shelters', currency: 'USD', allocated: 50_000, fundingSource: 'DONOR' },
    });
    await w.write(RECORD_DISBURSEMENT, { budgetLineId: dollars.id, input: { disbursedOn: '2023-02-01', amount: 10_000, recipientType: 'MULTILATERAL' } });
    await w.write(PUBLISH_BUDGET_LINE, { id: dollars.id });
    const { financing: seen } = await financing(null);
    expect(seen).toMatchObject({ currency: 'KES', allocated: 1_000_000, disbursed: 600_000, otherCurrencies: ['USD'] });
    expect(seen.byCurrency.map((entry: Row) => [entry.currency, entry.allocated, entry.costedEstimate, entry.fundingGap, entry.shareToCivilSociety])).toEqual([
      ['KES', 1_000_000, 5_000_000, 4_000_000, 0.6667],
      ['USD', 50_000, null, null, 0],
    ]);
    expect(seen.byCurrency[1].byGenderMarker).toEqual([{ genderMarker: 'NOT_SCREENED', allocated: 50_000, share: 1 }]);
    // Without a plan estimate the headline has no single currency: nothing is summed across KES and USD.
    await w.write(SET_ESTIMATE, { planId: w.plan.id, estimate: null });
    expect((await financing(null)).financing).toMatchObject({ currency: null, allocated: null, fundingGap: null, shareToCivilSociety: null, otherCurrencies: ['KES', 'USD'] });
    await w.write(SET_ESTIMATE, { planId: w.plan.id, estimate: { amount: 5_000_000, currency: 'KES' } });
  });

  it('sets the gender marker of a line', async () => {
    const { setBudgetLineGenderMarker: marked } = await w.write(SET_MARKER, { budgetLineId: line.id, genderMarker: 'SIGNIFICANT' });
    expect(marked.genderMarker).toBe('SIGNIFICANT');
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    const disbursement = (input: Record<string, unknown>) => ({ budgetLineId: line.id, input: { disbursedOn: '2022-07-01', amount: 10, recipientType: 'CSO', ...input } });

    it('a negative, zero or too large amount, a date that is not a day or is in the future', async () => {
      await w.expectRefused(RECORD_DISBURSEMENT, disbursement({ amount: -1 }), badInput('input.amount'));
      await w.expectRefused(RECORD_DISBURSEMENT, disbursement({ amount: 0 }), badInput('input.amount'));
      await w.expectRefused(RECORD_DISBURSEMENT, disbursement({ amount: 1e17 }), badInput('input.amount'));
      await w.expectRefused(RECORD_DISBURSEMENT, disbursement({ disbursedOn: '2022-02-30' }), badInput('input.disbursedOn'));
      await w.expectRefused(RECORD_DISBURSEMENT, disbursement({ disbursedOn: '2999-01-01' }), badInput('input.disbursedOn'));
      await w.expectRefused(RECORD_LINE, { planId: w.plan.id, input: { fiscalYear: 2022, partnerId: w.partner.id, description: 'x', currency: 'KES', allocated: 1, fundingSource: 'DONOR', costedEstimate: -5 } }, badInput('input.costedEstimate'));
      await w.expectRefused(SET_ESTIMATE, { planId: w.plan.id, estimate: { amount: -1, currency: 'KES' } }, badInput('input.amount'));
      await w.expectRefused(SET_ESTIMATE, { planId: w.plan.id, estimate: { amount: 1, currency: 'kes' } }, badInput('input.currency'));
    });

    it('an unknown gender marker or recipient type', async () => {
      await w.expectRefused(SET_MARKER, { budgetLineId: line.id, genderMarker: 'VERY_GENDERED' }, { code: 'BAD_USER_INPUT' });
      await w.expectRefused(SET_MARKER, { budgetLineId: line.id, genderMarker: 3 }, { code: 'BAD_USER_INPUT' });
      await w.expectRefused(RECORD_DISBURSEMENT, disbursement({ recipientType: 'FRIENDS' }), { code: 'BAD_USER_INPUT' });
    });

    it("a disbursed total below what the line's disbursements add up to", async () => {
      await w.expectRefused(RECORD_EXECUTION, { budgetLineId: line.id, input: { disbursed: 499_999 } }, badInput('input.disbursed'));
    });
  });

  it('refuses the public (UNAUTHENTICATED), and another country\'s focal point or an analyst (FORBIDDEN), writing nothing', async () => {
    const before = await w.tableState();
    const attempts = [
      [RECORD_DISBURSEMENT, { budgetLineId: line.id, input: { disbursedOn: '2022-07-01', amount: 10, recipientType: 'CSO' } }],
      [SET_MARKER, { budgetLineId: line.id, genderMarker: 'NOT_TARGETED' }],
      [SET_ESTIMATE, { planId: w.plan.id, estimate: { amount: 1, currency: 'KES' } }],
    ] as const;
    for (const [query, variables] of attempts) {
      expect((await w.ask(query, variables, null)).body.errors!.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
      for (const claims of [
        { subject: 'focal-point:NG', roles: [Role.FOCAL_POINT], country: 'NG' },
        { subject: 'analyst:au', roles: [Role.REGIONAL_ANALYST], orgs: ['AU'] },
      ]) {
        const { body } = await w.ask(query, variables, await w.harness.sign(claims));
        expect(body.errors!.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
      }
    }
    expect(await w.tableState()).toEqual(before);
  });

  it('returns the first result for a retried disbursement with the same idempotency key, recording it once', async () => {
    const mutation = `mutation ($countryCode: String!, $budgetLineId: ID!, $input: RecordDisbursementInput!) { recordDisbursement(countryCode: $countryCode, budgetLineId: $budgetLineId, input: $input, idempotencyKey: "pay-1") { id amount } }`;
    const variables = { budgetLineId: line.id, input: { disbursedOn: '2022-08-01', amount: 1_000, recipientType: 'GRASSROOTS' } };
    const first = await w.write(mutation, variables);
    const second = await w.write(mutation, variables);
    expect(second).toEqual(first);
    expect(await w.harness.dataSource.query(`SELECT count(*)::int AS n FROM disbursement WHERE disbursed_on = '2022-08-01'`)).toEqual([{ n: 1 }]);
  });
});
