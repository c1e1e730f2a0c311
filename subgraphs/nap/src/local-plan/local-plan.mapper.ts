import type { LocalActionPlanEntity } from './local-action-plan.entity.js';
import type { LocalIndicatorEntity } from './local-indicator.entity.js';
import type { LocalMeasurementEntity } from './local-measurement.entity.js';
import { LocalValueKind, type LocalActionPlan, type LocalIndicator, type LocalMeasurement } from './local-plan.type.js';

/** The unit national indicators write for a local value kind (indicator-values.ts). */
export function unitOfKind(kind: LocalValueKind): string {
  return kind === LocalValueKind.PERCENTAGE ? '%' : 'number';
}

export function toLocalActionPlan(row: LocalActionPlanEntity, countryCode: string): LocalActionPlan {
  return {
    countryCode,
    id: row.id,
    planId: row.planId,
    level: row.level,
    areaName: row.areaName,
    areaCode: row.areaCode,
    title: row.title,
    period: { start: row.periodStart, end: row.periodEnd },
    adoptedOn: row.adoptedOn,
    leadAuthority: row.leadAuthority,
    status: row.status,
    sources: row.sourceReferences,
    demoFields: row.demoFields,
    isDemo: row.isDemo,
  };
}

export function toLocalIndicator(row: LocalIndicatorEntity): LocalIndicator {
  return {
    id: row.id,
    localPlanId: row.localPlanId,
    nationalIndicatorId: row.nationalIndicatorId,
    code: row.code,
    title: row.title,
    valueKind: row.valueKind,
    unit: unitOfKind(row.valueKind),
    target: row.targetValue === null ? null : { value: row.targetValue, year: row.targetYear },
    isDemo: row.isDemo,
  };
}

export function toLocalMeasurement(row: LocalMeasurementEntity): LocalMeasurement {
  return { id: row.id, localIndicatorId: row.localIndicatorId, period: row.period, value: row.value, isDemo: row.isDemo };
}
