import { shareOf } from '@wps/kit';
import { totalsByCurrency } from '../budget/budget-summary.js';
import type { BudgetLine } from '../budget/budget.type.js';
import { AssessmentCriterionKey, CivilSocietyRole, FundingSource, IndicatorKind, PartnerKind, ReportKind } from '../common/enums.js';
import type { Indicator } from '../indicator/indicator.type.js';
import type { ImplementingPartner } from '../partner/partner.type.js';
import type { NationalActionPlan } from '../plan/plan.type.js';
import type { ProgressReport, Recommendation } from '../report/report.type.js';
import type { AssessmentCriterion, MonitoringFramework, PlanAssessment } from './assessment.type.js';

/**
 * A plan has a monitoring framework when most (more than half) of its
 * indicators have a baseline, a target and a reporting frequency. Baselines
 * and targets are numbers, so a qualitative indicator needs only its frequency.
 */
export function monitoringFrameworkOf(indicators: readonly Indicator[]): Omit<MonitoringFramework, 'isDemo'> {
  const quantitative = (indicator: Indicator) => indicator.kind === IndicatorKind.QUANTITATIVE;
  const withBaseline = indicators.filter((indicator) => indicator.baseline !== null).length;
  const withTarget = indicators.filter((indicator) => indicator.target !== null).length;
  const withFrequency = indicators.filter((indicator) => indicator.frequency !== null).length;
  const complete = indicators.filter(
    (indicator) => indicator.frequency !== null && (!quantitative(indicator) || (indicator.baseline !== null && indicator.target !== null)),
  ).length;
  const completeShare = shareOf(complete, indicators.length);
  return { exists: completeShare !== null && completeShare > 0.5, indicatorCount: indicators.length, withBaseline, withTarget, withFrequency, complete, completeShare };
}

export interface AssessmentInput {
  plan: NationalActionPlan;
  indicators: readonly Indicator[];
  partners: readonly ImplementingPartner[];
  budgetLines: readonly BudgetLine[];
  reports: readonly ProgressReport[];
  /** The recommendations of those reports. */
  recommendations: readonly Recommendation[];
  today: Date;
}

const percent = (share: number | null) => (share === null ? 'n/a' : `${Math.round(share * 100)}%`);

/**
 * Inclusive Security's high-impact criteria as checks on the plan's data:
 * inclusive design, results-based M&E, resources, coordination and reporting
 * regularity, and political will (the resources' own guide lists it: a
 * government that pays for the plan from its own budget, and acts on what
 * the plan's reviews recommend or answers to parliament). Each criterion
 * says whether it is met and on what evidence.
 */
export function assessPlan(input: AssessmentInput): Omit<PlanAssessment, 'isDemo' | 'demoInputs'> {
  const { plan, indicators, partners, budgetLines, reports } = input;
  const criteria: AssessmentCriterion[] = [];

  const csoPartners = partners.filter((partner) => partner.kind === PartnerKind.CSO && partner.inCoordinationBody);
  const csosInBody = plan.civilSocietyInCoordinationBody === true || csoPartners.length > 0;
  const inDesign = plan.civilSocietyRoles.includes(CivilSocietyRole.DESIGN);
  criteria.push({
    criterion: AssessmentCriterionKey.INCLUSIVE_DESIGN,
    met: csosInBody && inDesign,
    evidence:
      `${csosInBody ? 'Civil society sits in the coordination body' : 'No civil society organisation in the coordination body'}` +
      `${csoPartners.length > 0 ? ` (${csoPartners.map((partner) => partner.name).join(', ')})` : ''}; ` +
      `civil society roles: ${plan.civilSocietyRoles.length > 0 ? plan.civilSocietyRoles.join(', ').toLowerCase() : 'none recorded'}.`,
  });

  const monitoring = monitoringFrameworkOf(indicators);
  criteria.push({
    criterion: AssessmentCriterionKey.RESULTS_BASED_MONITORING,
    met: monitoring.exists,
    evidence:
      monitoring.indicatorCount === 0
        ? 'The plan has no indicators.'
        : `${monitoring.complete} of ${monitoring.indicatorCount} indicators (${percent(monitoring.completeShare)}) have a baseline, a target and a reporting frequency.`,
  });

  const totals = totalsByCurrency(budgetLines);
  const allocated = totals.some((total) => total.allocated > 0);
  const tracked = totals.some((total) => total.spent > 0 || total.disbursed > 0);
  criteria.push({
    criterion: AssessmentCriterionKey.RESOURCES,
    met: plan.costed === true && allocated && tracked,
    evidence:
      `${plan.costed === true ? 'Costed' : plan.costed === false ? 'Not costed' : 'Costing not recorded'}; ` +
      (totals.length === 0
        ? 'no published budget lines.'
        : `${budgetLines.length} published budget lines: ${totals
            .map((total) => `${total.currency} ${total.allocated.toLocaleString('en')} allocated, ${percent(total.executionRate)} spent`)
            .join('; ')}.`),
  });

  const inBody = partners.filter((partner) => partner.inCoordinationBody);
  const represented = partners.filter((partner) => partner.representativeRole !== null);
  criteria.push({
    criterion: AssessmentCriterionKey.COORDINATION,
    met: Boolean(plan.coordinationMechanism) && inBody.length >= 2 && represented.length * 2 > partners.length,
    evidence:
      `${plan.coordinationMechanism ? `Coordinated by ${plan.coordinationMechanism}` : 'No coordination mechanism recorded'}; ` +
      `${inBody.length} of ${partners.length} implementing partners in the coordination body, ${represented.length} with a WPS champion or focal point.`,
  });

  const start = plan.period.start;
  const lastCompleted = Math.min(plan.period.end ?? Number.POSITIVE_INFINITY, input.today.getUTCFullYear() - 1);
  if (start === null || lastCompleted < start) {
    criteria.push({
      criterion: AssessmentCriterionKey.REPORTING_REGULARITY,
      met: false,
      evidence: start === null ? 'The plan period is not known.' : 'No year of the plan has ended yet, so no report is due.',
    });
  } else {
    // Regular reporting is yearly: annual (or parliamentary) reports, not one evaluation at the end.
    const yearly = reports.filter((report) => report.kind === ReportKind.ANNUAL || report.kind === ReportKind.PARLIAMENTARY);
    const years = Array.from({ length: lastCompleted - start + 1 }, (_, index) => start + index);
    const covered = years.filter((year) => yearly.some((report) => report.period.start !== null && report.period.start <= year && year <= (report.period.end ?? year)));
    const missing = years.filter((year) => !covered.includes(year));
    criteria.push({
      criterion: AssessmentCriterionKey.REPORTING_REGULARITY,
      met: missing.length === 0,
      evidence: `Published annual reports cover ${covered.length} of ${years.length} completed years${missing.length > 0 ? ` (missing ${missing.join(', ')})` : ''}.`,
    });
  }
  criteria.push(politicalWill(input));
  return { criteria, metCount: criteria.filter((criterion) => criterion.met).length };
}

/**
 * Political will, on what the plan's own data shows: the state funds part of
 * the plan from its national budget (published budget lines), and it acts on
 * what its reviews recommend (a decision on at least half the
 * recommendations of its published reports) or reports to parliament.
 */
function politicalWill(input: AssessmentInput): AssessmentCriterion {
  const national = input.budgetLines.filter((line) => line.fundingSource === FundingSource.NATIONAL_BUDGET && line.allocated > 0);
  const nationalTotals = totalsByCurrency(national);
  const decided = input.recommendations.filter((recommendation) => recommendation.decision !== null).length;
  const decidedShare = shareOf(decided, input.recommendations.length);
  const parliamentary = input.reports.some((report) => report.kind === ReportKind.PARLIAMENTARY);
  const actsOnReviews = (decidedShare !== null && decidedShare >= 0.5) || parliamentary;
  return {
    criterion: AssessmentCriterionKey.POLITICAL_WILL,
    met: national.length > 0 && actsOnReviews,
    evidence:
      (national.length === 0
        ? 'No published budget line is funded from the national budget'
        : `The national budget funds ${national.length} of ${input.budgetLines.length} published budget lines (${nationalTotals.map((total) => `${total.currency} ${total.allocated.toLocaleString('en')}`).join('; ')} allocated)`) +
      `; decisions taken on ${input.recommendations.length === 0 ? 'no recommendations (none made)' : `${decided} of ${input.recommendations.length} recommendations (${percent(decidedShare)})`}` +
      `; ${parliamentary ? 'a parliamentary report is published' : 'no parliamentary report'}` +
      `${input.plan.leadAgency ? `; led by ${input.plan.leadAgency}` : ''}.`,
  };
}
