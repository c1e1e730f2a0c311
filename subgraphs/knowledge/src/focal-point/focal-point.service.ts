import { badInput, isCountryCode, requireRole } from '@wps/kit';
import { NETWORK_ROLES } from '../common/access.js';
import type { KnowledgeRequest } from '../common/request.js';
import { FocalPointEntity } from './focal-point.entity.js';
import { toFocalPoint } from './focal-point.mapper.js';
import type { FocalPoint } from './focal-point.type.js';

/**
 * The directory of the Focal Points Network (names and contacts, for network
 * members only): states by country code, then regional organisations; only
 * one country's entries when `countryCode` is given. UNAUTHENTICATED for the
 * public, FORBIDDEN for signed-in users who are not network members.
 */
export async function listFocalPoints(request: KnowledgeRequest, countryCode?: string | null): Promise<FocalPoint[]> {
  requireRole(request.principal, NETWORK_ROLES, 'see the focal point directory');
  const query = request.dataSource
    .getRepository(FocalPointEntity)
    .createQueryBuilder('focal')
    .innerJoinAndSelect('focal.person', 'person')
    .orderBy('focal.country_code', 'ASC', 'NULLS LAST')
    .addOrderBy('focal.regional_organisation', 'ASC')
    .addOrderBy('person.name', 'ASC');
  if (countryCode !== null && countryCode !== undefined) {
    const code = countryCode.trim().toUpperCase();
    if (!isCountryCode(code)) throw badInput('countryCode', `countryCode must be an ISO 3166-1 alpha-2 code, got "${countryCode}".`);
    query.where('focal.country_code = :code', { code });
  }
  return (await query.getMany()).map(toFocalPoint);
}
