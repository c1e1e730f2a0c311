import type { IndicatorEntity } from './indicator.entity.js';
import type { Indicator } from './indicator.type.js';

export function toIndicator(row: IndicatorEntity, countryCode: string): Indicator {
  return {
    countryCode,
    id: row.id,
    planId: row.planId,
    outcomeId: row.outcomeId,
    outputId: row.outputId,
    responsiblePartnerId: row.responsiblePartnerId,
    code: row.code,
    title: row.title,
    unit: row.unit,
    baseline: row.baselineValue === null ? null : { value: row.baselineValue, year: row.baselineYear },
    target: row.targetValue === null ? null : { value: row.targetValue, year: row.targetYear },
    isDemo: row.isDemo,
    level: row.level,
    kind: row.kind,
    disaggregation: row.disaggregation,
    dataSource: row.dataSource,
    frequency: row.frequency,
  };
}
