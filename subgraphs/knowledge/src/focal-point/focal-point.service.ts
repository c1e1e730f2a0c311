import { badInput, isCountryCode, requireRole, type Principal } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { NETWORK_ROLES } from '../common/access.js';
import { toFocalPoint } from '../mappers.js';
import { FocalPointEntity } from './focal-point.entity.js';
import type { FocalPoint } from './focal-point.type.js';

/** The directory of the Focal Points Network: names and contacts, for network members only. */
export class FocalPointService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly principal: Principal,
  ) {}

  /**
   * Directory entries, states by country code then regional organisations;
   * only one country's when `countryCode` is given. UNAUTHENTICATED for the
   * public, FORBIDDEN for signed-in users who are not network members.
   */
  async list(countryCode?: string | null): Promise<FocalPoint[]> {
    requireRole(this.principal, NETWORK_ROLES, 'see the focal point directory');
    const query = this.dataSource
      .getRepository(FocalPointEntity)
      .createQueryBuilder('focal')
      .orderBy('focal.country_code', 'ASC', 'NULLS LAST')
      .addOrderBy('focal.regional_organisation', 'ASC')
      .addOrderBy('focal.name', 'ASC');
    if (countryCode !== null && countryCode !== undefined) {
      const code = countryCode.trim().toUpperCase();
      if (!isCountryCode(code)) throw badInput('countryCode', `countryCode must be an ISO 3166-1 alpha-2 code, got "${countryCode}".`);
      query.where('focal.country_code = :code', { code });
    }
    return (await query.getMany()).map(toFocalPoint);
  }
}
