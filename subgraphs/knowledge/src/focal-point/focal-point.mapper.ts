import type { OrganisationKind } from '../common/enums.js';
import type { FocalPointEntity } from './focal-point.entity.js';
import type { FocalPoint } from './focal-point.type.js';

/** A directory entry with its person joined (`row.person`). */
export function toFocalPoint(row: FocalPointEntity): FocalPoint {
  return {
    id: row.id,
    personRef: row.personRef,
    name: row.person?.name ?? '',
    email: row.person?.email ?? '',
    organisation: row.organisation,
    organisationKind: row.organisationKind as OrganisationKind,
    regionalOrganisation: row.regionalOrganisation,
    role: row.role,
    isDemo: row.isDemo,
    countryCode: row.countryCode,
  };
}
