import type { ReportRecommendationEntity } from './recommendation.entity.js';
import type { ProgressReportEntity } from './report.entity.js';
import type { ProgressReport, Recommendation } from './report.type.js';

export function toReport(row: ProgressReportEntity, countryCode: string): ProgressReport {
  return {
    countryCode,
    id: row.id,
    planId: row.planId,
    kind: row.kind,
    title: row.title,
    period: { start: row.periodStart, end: row.periodEnd },
    status: row.status,
    findings: row.findings,
    publishedAt: row.publishedAt,
    isDemo: row.isDemo,
  };
}

export function toRecommendation(row: ReportRecommendationEntity): Recommendation {
  return {
    id: row.id,
    reportId: row.reportId,
    text: row.text,
    decision: row.decision === null ? null : { text: row.decision, decidedOn: row.decidedOn, decidedBy: row.decidedBy },
  };
}
