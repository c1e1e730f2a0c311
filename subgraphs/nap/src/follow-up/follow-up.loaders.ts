import type { LoaderSource } from '../common/loader-source.js';
import type { ReportLoaders } from '../report/report.loaders.js';
import { FollowUpActionEntity } from './follow-up.entity.js';
import { toFollowUpAction } from './follow-up.mapper.js';
import type { FollowUpAction } from './follow-up.type.js';

/** The follow-up actions of recommendations, per request, soonest due first. */
export function createFollowUpLoaders(source: LoaderSource) {
  return {
    followUpActionsByRecommendationId: source.byParent(FollowUpActionEntity, 'recommendationId', toFollowUpAction, { dueOn: 'ASC', id: 'ASC' }),
  };
}

export type FollowUpLoaders = ReturnType<typeof createFollowUpLoaders>;

/**
 * The follow-up actions of every recommendation of the given plans' reports
 * the request may see, soonest due first: three batched statements (reports,
 * recommendations, actions) however many plans, reports or actions.
 */
export async function followUpActionsOfPlans(
  loaders: Pick<ReportLoaders, 'reportsByPlanId' | 'recommendationsByReportId'> & Pick<FollowUpLoaders, 'followUpActionsByRecommendationId'>,
  planIds: readonly string[],
): Promise<FollowUpAction[]> {
  const reports = (await Promise.all(planIds.map((planId) => loaders.reportsByPlanId.load(planId)))).flat();
  const recommendations = (await Promise.all(reports.map((report) => loaders.recommendationsByReportId.load(report.id)))).flat();
  const actions = (await Promise.all(recommendations.map((recommendation) => loaders.followUpActionsByRecommendationId.load(recommendation.id)))).flat();
  return actions.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
}
