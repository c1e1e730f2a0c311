import { createGroupLoader, createRowLoader } from '@wps/kit';
import { PublicationStatus } from '../common/enums.js';
import { visibleRows, type LoaderSource } from '../common/loader-source.js';
import { ReportRecommendationEntity } from './recommendation.entity.js';
import { ProgressReportEntity } from './report.entity.js';
import { toRecommendation, toReport } from './report.mapper.js';
import type { ProgressReport, Recommendation } from './report.type.js';

/** The progress reports of the member's plans the request may see, and their recommendations, per request. */
export function createReportLoaders(source: LoaderSource) {
  const { countryCode } = source;
  const visible = visibleRows(source.visibility, PublicationStatus.PUBLISHED);
  return {
    reportsByPlanId: createGroupLoader<string, ProgressReport>(
      async (ids) => (await source.rowsWhere(ProgressReportEntity, 'planId', ids, visible, { periodEnd: 'ASC', kind: 'ASC' })).map((row) => toReport(row, countryCode)),
      (report) => report.planId,
    ),
    reportById: createRowLoader<string, ProgressReport>(
      async (ids) => (await source.rowsWhere(ProgressReportEntity, 'id', ids, visible)).map((row) => toReport(row, countryCode)),
      (report) => report.id,
    ),
    recommendationsByReportId: createGroupLoader<string, Recommendation>(
      async (ids) => (await source.rowsWhere(ReportRecommendationEntity, 'reportId', ids, {}, { position: 'ASC' })).map(toRecommendation),
      (recommendation) => recommendation.reportId,
    ),
  };
}

export type ReportLoaders = ReturnType<typeof createReportLoaders>;
