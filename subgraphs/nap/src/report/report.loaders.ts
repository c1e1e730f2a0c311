import { PublicationStatus } from '../common/enums.js';
import { visibleRows, type LoaderSource } from '../common/loader-source.js';
import { ReportRecommendationEntity } from './recommendation.entity.js';
import { ProgressReportEntity } from './report.entity.js';
import { toRecommendation, toReport } from './report.mapper.js';

/** The progress reports of the member's plans the request may see, and their recommendations, per request. */
export function createReportLoaders(source: LoaderSource) {
  const visible = visibleRows(source.visibility, PublicationStatus.PUBLISHED);
  return {
    reportsByPlanId: source.byParent(ProgressReportEntity, 'planId', toReport, { periodEnd: 'ASC', kind: 'ASC' }, visible),
    reportById: source.byId(ProgressReportEntity, toReport, visible),
    recommendationsByReportId: source.byParent(ReportRecommendationEntity, 'reportId', toRecommendation, { position: 'ASC' }),
  };
}

export type ReportLoaders = ReturnType<typeof createReportLoaders>;
