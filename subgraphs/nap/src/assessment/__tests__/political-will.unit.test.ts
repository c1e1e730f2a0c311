import { AssessmentCriterionKey, FundingSource, PublicationStatus, ReportKind } from '../../common/enums.js';
import { assessPlan, type AssessmentInput } from '../assessment.service.js';

const plan = { id: 'p', period: { start: 2020, end: 2024 }, civilSocietyRoles: [], leadAgency: 'Ministry of Gender', coordinationMechanism: null, costed: true } as unknown as AssessmentInput['plan'];
const line = (fundingSource: FundingSource, allocated: number) =>
  ({ id: `${fundingSource}-${allocated}`, fundingSource, allocated, disbursed: 0, spent: 0, currency: 'KES', status: PublicationStatus.PUBLISHED, fiscalYear: 2022 }) as unknown as AssessmentInput['budgetLines'][number];
const report = (kind: ReportKind) => ({ id: kind, kind, period: { start: 2021, end: 2021 } }) as unknown as AssessmentInput['reports'][number];
const recommendation = (decided: boolean) => ({ id: String(Math.random()), text: 'r', decision: decided ? { text: 'Accepted', decidedOn: null, decidedBy: null } : null, reportId: 'r' });

function politicalWill(input: Partial<AssessmentInput>) {
  const { criteria } = assessPlan({ plan, indicators: [], partners: [], budgetLines: [], reports: [], recommendations: [], today: new Date(Date.UTC(2025, 0, 1)), ...input });
  return criteria.find((criterion) => criterion.criterion === AssessmentCriterionKey.POLITICAL_WILL)!;
}

describe('the political will criterion of the high-impact assessment', () => {
  it('is met when the national budget funds part of the plan and the state acts on its reviews, with the evidence', () => {
    const met = politicalWill({ budgetLines: [line(FundingSource.NATIONAL_BUDGET, 1000), line(FundingSource.DONOR, 5000)], reports: [report(ReportKind.MID_TERM_REVIEW)], recommendations: [recommendation(true), recommendation(false)] });
    expect(met.met).toBe(true);
    expect(met.evidence).toBe('The national budget funds 1 of 2 published budget lines (KES 1,000 allocated); decisions taken on 1 of 2 recommendations (50%); no parliamentary report; led by Ministry of Gender.');
  });

  it('is not met on donor money alone, nor when most recommendations wait for a decision and no report goes to parliament', () => {
    expect(politicalWill({ budgetLines: [line(FundingSource.DONOR, 5000)], recommendations: [recommendation(true)] }).met).toBe(false);
    expect(politicalWill({ budgetLines: [line(FundingSource.NATIONAL_BUDGET, 1000)], recommendations: [recommendation(true), recommendation(false), recommendation(false)] }).met).toBe(false);
    expect(politicalWill({ budgetLines: [line(FundingSource.NATIONAL_BUDGET, 1000)], reports: [report(ReportKind.PARLIAMENTARY)], recommendations: [recommendation(false)] }).met).toBe(true);
  });
});
