import { AssessmentCriterionKey, IndicatorStatus, Theme } from './enums.js';

/**
 * Which themes of the network answer a weak spot of a plan: an unmet
 * high-impact criterion of the plan's assessment.
 */
export const CRITERION_THEMES: Record<AssessmentCriterionKey, Theme[]> = {
  [AssessmentCriterionKey.RESOURCES]: [Theme.FINANCING],
  [AssessmentCriterionKey.RESULTS_BASED_MONITORING]: [Theme.MONITORING_EVALUATION, Theme.INDICATORS],
  [AssessmentCriterionKey.INCLUSIVE_DESIGN]: [Theme.CIVIL_SOCIETY],
  [AssessmentCriterionKey.COORDINATION]: [Theme.COORDINATION],
  [AssessmentCriterionKey.REPORTING_REGULARITY]: [Theme.REPORTING],
  [AssessmentCriterionKey.POLITICAL_WILL]: [Theme.POLITICAL_WILL, Theme.PARLIAMENTARY_OVERSIGHT],
};

/** Words in an indicator's title that point to a theme of the network (lower case, matched as word starts). */
const TITLE_THEMES: [RegExp, Theme][] = [
  [/\b(budget|financ|fund|cost|spend|resourc)/, Theme.FINANCING],
  [/\b(parliament|legislat)/, Theme.PARLIAMENTARY_OVERSIGHT],
  [/\b(civil society|cso|women's organisations|organisations|organizations)/, Theme.CIVIL_SOCIETY],
  [/\b(local|municipal|district|communit|count(y|ies))/, Theme.LOCALIZATION],
  [/\b(train|curricul|academ|mentor)/, Theme.CAPACITY_BUILDING],
  [/\b(report|statistic|data)/, Theme.REPORTING],
  [/\b(early-warning|early warning|indicator|disaggregat)/, Theme.INDICATORS],
  [/\b(coordinat|ministr|inter-agency)/, Theme.COORDINATION],
  [/\b(regional|cross-border)/, Theme.REGIONAL_COOPERATION],
];

/**
 * Themes to look for next to an indicator that needs help: its title's
 * subject; without a published value (NO_DATA), also monitoring, indicators
 * and reporting practices. Indicators that are ACHIEVED or ON_TRACK need none.
 */
export function themesForIndicator(status: IndicatorStatus, title: string): Theme[] {
  if (status !== IndicatorStatus.OFF_TRACK && status !== IndicatorStatus.NO_DATA) return [];
  const lower = title.toLowerCase();
  const themes = TITLE_THEMES.filter(([pattern]) => pattern.test(lower)).map(([, theme]) => theme);
  if (status === IndicatorStatus.NO_DATA) themes.push(Theme.MONITORING_EVALUATION, Theme.INDICATORS, Theme.REPORTING);
  // An off-track indicator whose title names no theme still gets course-correction practices.
  if (themes.length === 0) themes.push(Theme.MONITORING_EVALUATION);
  return [...new Set(themes)];
}

