import type { IndicatorLevel, Pillar } from '../common/enums.js';
import type { FrameworkIndicatorEntity } from './framework-indicator.entity.js';
import type { FrameworkIndicator } from './framework-indicator.type.js';

export function toFrameworkIndicator(row: FrameworkIndicatorEntity): FrameworkIndicator {
  return {
    frameworkCode: row.frameworkCode,
    code: row.code,
    title: row.title,
    pillar: row.pillar as Pillar | null,
    level: row.level as IndicatorLevel | null,
    illustrative: row.illustrative,
    source: row.source,
  };
}
