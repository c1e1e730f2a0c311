import type { ImplementingPartnerEntity } from './partner.entity.js';
import type { ImplementingPartner } from './partner.type.js';

export function toPartner(row: ImplementingPartnerEntity, countryCode: string): ImplementingPartner {
  return {
    countryCode,
    id: row.id,
    planId: row.planId,
    name: row.name,
    kind: row.kind,
    representativeRole: row.representativeRole,
    hasImplementationPlan: row.hasImplementationPlan,
    inCoordinationBody: row.inCoordinationBody,
    isDemo: row.isDemo,
  };
}
