import type { MeasurementEntity } from './measurement.entity.js';
import type { Measurement } from './measurement.type.js';

export function toMeasurement(row: MeasurementEntity, countryCode: string): Measurement {
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
    recordedBy: row.recordedBy,
    version: row.version,
    disaggregatedValues: row.disaggregatedValues,
    narrative: row.narrative,
    source: row.source,
    reportedStatus: row.reportedStatus,
    publishedAt: row.publishedAt,
  };
}
