import type { MeasurementEntity } from './measurement.entity.js';
import type { Measurement } from './measurement.type.js';
import type { RecordedByAudience } from '../member/recorder-display.js';

/** A measurement row as the contract type; `recordedBy` is the subject for the member's own focal points only. */
export function toMeasurement(row: MeasurementEntity, countryCode: string, audience: RecordedByAudience = 'public'): Measurement {
  return {
    countryCode,
    id: row.id,
    indicatorId: row.indicatorId,
    supersedesId: row.supersedesId,
    period: row.period,
    value: row.value,
    status: row.status,
    isDemo: row.isDemo,
    recordedAt: row.recordedAt,
    recordedBy: audience === 'member' ? row.recordedBy : row.recordedByDisplay,
    version: row.version,
    disaggregatedValues: row.disaggregatedValues,
    narrative: row.narrative,
    source: row.source,
    reportedStatus: row.reportedStatus,
    publishedAt: row.publishedAt,
  };
}
