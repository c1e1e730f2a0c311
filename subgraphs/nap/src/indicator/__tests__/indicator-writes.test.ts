import { randomUUID } from 'node:crypto';
import { badInput, CREATE_ACTIVITY, CREATE_INDICATOR, RECORD_BUDGET_LINE, SET_ALIGNMENTS, UPDATE_INDICATOR, useWriteFixture } from '../../__tests__/write-fixture.js';

describe('writes to the indicators of one member (KE), asked directly', () => {
  const w = useWriteFixture('napindicatorwrites');

  describe('the happy path', () => {
    it('createIndicator links an indicator to its outcome or output with benchmarks and alignments; updateIndicator and setIndicatorAlignments replace what they are given', async () => {
      const { createIndicator: created } = await w.write(CREATE_INDICATOR, {
        planId: w.plan.id,
        input: {
          code: 'P2',
          title: 'Women among peace negotiators',
          level: 'OUTCOME',
          unit: '%',
          outcomeId: w.outcome.id,
          baseline: { value: 5 },
          target: { value: 30, year: 2024 },
          disaggregation: ['age', 'location'],
          dataSource: 'Ministry records',
          frequency: 'ANNUAL',
          responsiblePartnerId: w.partner.id,
          alignments: [
            { frameworkCode: 'UN_1325', indicatorCode: 'UN-4A' },
            { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' },
          ],
        },
      });
      expect(created).toEqual({
        id: expect.any(String),
        countryCode: 'KE',
        code: 'P2',
        title: 'Women among peace negotiators',
        unit: '%',
        level: 'OUTCOME',
        kind: 'QUANTITATIVE',
        baseline: { value: 5, year: null },
        target: { value: 30, year: 2024 },
        disaggregation: ['age', 'location'],
        dataSource: 'Ministry records',
        frequency: 'ANNUAL',
        responsiblePartner: { id: w.partner.id },
        outcome: { id: w.outcome.id },
        output: null,
        alignments: [
          { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' },
          { frameworkCode: 'UN_1325', indicatorCode: 'UN-4A' },
        ],
        plan: { id: w.plan.id },
      });

      const { updateIndicator: updated } = await w.write(UPDATE_INDICATOR, {
        id: created.id,
        input: { title: 'Women among negotiators and mediators', level: 'OUTPUT', outputId: w.output.id, target: { value: 35, year: 2024 }, alignments: [{ frameworkCode: 'EU_GAP_III', indicatorCode: 'GAP-WPS-1.2' }] },
      });
      expect(updated).toMatchObject({
        title: 'Women among negotiators and mediators',
        level: 'OUTPUT',
        outcome: null,
        output: { id: w.output.id },
        baseline: { value: 5, year: null },
        target: { value: 35, year: 2024 },
        alignments: [{ frameworkCode: 'EU_GAP_III', indicatorCode: 'GAP-WPS-1.2' }],
      });

      const { setIndicatorAlignments: aligned } = await w.write(SET_ALIGNMENTS, {
        indicatorId: created.id,
        alignments: [
          { frameworkCode: 'OSCE', indicatorCode: 'OSCE-3' },
          { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-2' },
        ],
      });
      expect(aligned.alignments).toEqual([
        { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-2' },
        { frameworkCode: 'OSCE', indicatorCode: 'OSCE-3' },
      ]);
      expect(await w.harness.dataSource.query('SELECT framework_code FROM indicator_alignment WHERE indicator_id = $1 ORDER BY 1', [created.id])).toEqual([
        { framework_code: 'AU_CRF' },
        { framework_code: 'OSCE' },
      ]);
    });

    it('aligns an indicator to a CEDAW General Recommendation 30 area, which the database accepts like any other framework', async () => {
      const { setIndicatorAlignments: aligned } = await w.write(SET_ALIGNMENTS, {
        indicatorId: w.percent.id,
        alignments: [{ frameworkCode: 'CEDAW_GR30', indicatorCode: 'GR30-PREV' }],
      });
      expect(aligned.alignments).toEqual([{ frameworkCode: 'CEDAW_GR30', indicatorCode: 'GR30-PREV' }]);
      expect(await w.harness.dataSource.query('SELECT framework_code, indicator_code FROM indicator_alignment WHERE indicator_id = $1', [w.percent.id])).toEqual([
        { framework_code: 'CEDAW_GR30', indicator_code: 'GR30-PREV' },
      ]);
    });
  });

  describe('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', () => {
    it('rule 4: an unknown alignment framework is refused by GraphQL input coercion as BAD_USER_INPUT', async () => {
      const error = await w.expectRefused(SET_ALIGNMENTS, { indicatorId: w.percent.id, alignments: [{ frameworkCode: 'ASEAN_RPA', indicatorCode: 'ASEAN-1' }] }, { code: 'BAD_USER_INPUT' });
      expect(error.message).toContain('ASEAN_RPA');
      await w.expectRefused(
        CREATE_INDICATOR,
        { planId: w.plan.id, input: { code: 'P-BAD', title: 'Bad', level: 'OUTCOME', unit: '%', outcomeId: w.outcome.id, alignments: [{ frameworkCode: 'CRF', indicatorCode: 'AU-1' }] } },
        { code: 'BAD_USER_INPUT' },
      );
    });

    it('rule 4: a malformed or repeated framework indicator code', async () => {
      await w.write(SET_ALIGNMENTS, { indicatorId: w.percent.id, alignments: [{ frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' }] });
      const error = await w.expectRefused(SET_ALIGNMENTS, { indicatorId: w.percent.id, alignments: [{ frameworkCode: 'AU_CRF', indicatorCode: 'au-par-1' }] }, badInput('alignments[0].indicatorCode'));
      expect(error.message).toContain('au-par-1');
      await w.expectRefused(SET_ALIGNMENTS, { indicatorId: w.percent.id, alignments: [{ frameworkCode: 'OSCE', indicatorCode: '-1' }] }, badInput('alignments[0].indicatorCode'));
      await w.expectRefused(SET_ALIGNMENTS, { indicatorId: w.percent.id, alignments: [{ frameworkCode: 'OSCE', indicatorCode: 'X'.repeat(33) }] }, badInput('alignments[0].indicatorCode'));
      await w.expectRefused(
        SET_ALIGNMENTS,
        {
          indicatorId: w.percent.id,
          alignments: [
            { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' },
            { frameworkCode: 'AU_CRF', indicatorCode: 'AU-PAR-1' },
          ],
        },
        badInput('alignments[1]'),
      );
      await w.expectRefused(UPDATE_INDICATOR, { id: w.percent.id, input: { alignments: [{ frameworkCode: 'UN_1325', indicatorCode: 'un 4' }] } }, badInput('input.alignments[0].indicatorCode'));
    });

    it('a partner, outcome or output of another plan, and an indicator level without what it measures', async () => {
      await w.expectRefused(
        CREATE_ACTIVITY,
        { outputId: w.output.id, input: { code: 'A-STRANGER', title: 'Borrowed partner', responsiblePartnerId: w.strangerPartner.id } },
        badInput('input.responsiblePartnerId'),
      );
      const indicator = (input: Record<string, unknown>) => ({ planId: w.plan.id, input: { code: 'L-BAD', title: 'Bad', unit: 'number', ...input } });
      await w.expectRefused(CREATE_INDICATOR, indicator({ level: 'OUTCOME', outcomeId: w.openOutcome.id }), badInput('input.outcomeId'));
      await w.expectRefused(CREATE_INDICATOR, indicator({ level: 'OUTCOME' }), badInput('input.outcomeId'));
      await w.expectRefused(CREATE_INDICATOR, indicator({ level: 'OUTPUT', outcomeId: w.outcome.id }), badInput('input.outcomeId'));
      await w.expectRefused(CREATE_INDICATOR, indicator({ level: 'OUTPUT' }), badInput('input.outputId'));
      await w.expectRefused(CREATE_INDICATOR, indicator({ level: 'OUTPUT', outputId: randomUUID() }), badInput('input.outputId'));
      await w.expectRefused(
        RECORD_BUDGET_LINE,
        { planId: w.plan.id, input: { fiscalYear: 2022, partnerId: w.strangerPartner.id, description: 'x', currency: 'KES', allocated: 1, fundingSource: 'DONOR' } },
        badInput('input.partnerId'),
      );
    });
  });
});
