import type { FrameworkCode } from '../common/enums.js';
import type { FrameworkEntity } from './framework.entity.js';
import type { RegionalFramework } from './framework.type.js';

export function toFramework(row: FrameworkEntity): RegionalFramework {
  return {
    code: row.code as FrameworkCode,
    shortName: row.shortName,
    name: row.name,
    organisation: row.organisation,
    organisationCode: row.organisationCode,
    period: { start: row.periodStart, end: row.periodEnd, extendedTo: row.periodExtendedTo },
    reportingCycle: row.reportingCycle,
    areas: row.areas,
    sources: row.sources,
  };
}
