import type { IndicatorEntity } from './indicator/indicator.entity.js';
import type { Indicator } from './indicator/indicator.type.js';
import type { MeasurementEntity } from './measurement/measurement.entity.js';
import type { Measurement } from './measurement/measurement.type.js';
import type { NationalActionPlanEntity } from './plan/plan.entity.js';
import type { NationalActionPlan } from './plan/plan.type.js';

/** Database rows to contract types: the only place the two shapes meet. */
export function toPlan(row: NationalActionPlanEntity, countryCode: string): NationalActionPlan {
  return {
    countryCode,
    id: row.id,
    iteration: row.iteration,
    title: row.title,
    period: { start: row.periodStart, end: row.periodEnd },
    status: row.status,
    adoptedOn: row.adoptedOn,
    sources: { references: row.sourceReferences, note: row.sourceNote, conflict: row.sourceConflict, verified: row.verified },
    demoFields: row.demoFields,
  };
}

export function toIndicator(row: IndicatorEntity, countryCode: string): Indicator {
  return {
    countryCode,
    id: row.id,
    planId: row.planId,
    code: row.code,
    title: row.title,
    unit: row.unit,
    baseline: row.baselineValue === null ? null : { value: row.baselineValue, year: row.baselineYear },
    target: row.targetValue === null ? null : { value: row.targetValue, year: row.targetYear },
    isDemo: row.isDemo,
  };
}

export function toMeasurement(row: MeasurementEntity, countryCode: string): Measurement {
  return {
    countryCode,
    id: row.id,
    indicatorId: row.indicatorId,
    period: row.period,
    value: row.value,
    status: row.status,
    isDemo: row.isDemo,
    recordedAt: row.recordedAt,
  };
}
