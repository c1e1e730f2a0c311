import { badInput } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { isIsoAlpha2 } from '../country/iso-countries.js';
import { MemberEntity } from './member.entity.js';

export interface MemberRegistration {
  countryCode: string;
  endpoint: string;
}

/** The member registry: which state's NAP subgraph answers where. */
export class RegistryService {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<MemberEntity[]> {
    return this.dataSource.getRepository(MemberEntity).find({ order: { countryCode: 'ASC' } });
  }

  /**
   * Register (or re-point) members, ACTIVE until the gateway's contract check
   * says otherwise. With `exclusive`, members not listed are removed, so the
   * registry is exactly the given set (the demo launcher's bootstrap). One
   * transaction: all or nothing.
   */
  async bootstrap(registrations: MemberRegistration[], exclusive: boolean): Promise<void> {
    for (const registration of registrations) {
      if (!isIsoAlpha2(registration.countryCode)) throw badInput('countryCode', `"${registration.countryCode}" is not an ISO 3166-1 alpha-2 code.`);
      if (!/^https?:\/\//.test(registration.endpoint)) throw badInput('endpoint', `Member ${registration.countryCode}: endpoint must be an http(s) URL.`);
    }
    await this.dataSource.transaction(async (manager) => {
      if (exclusive) {
        await manager
          .createQueryBuilder()
          .delete()
          .from(MemberEntity)
          .where(registrations.length > 0 ? 'country_code NOT IN (:...codes)' : 'true', { codes: registrations.map((r) => r.countryCode) })
          .execute();
      }
      for (const { countryCode, endpoint } of registrations) {
        await manager.query('INSERT INTO country (code) VALUES ($1) ON CONFLICT DO NOTHING', [countryCode]);
        await manager.query(
          `INSERT INTO member (country_code, endpoint, status) VALUES ($1, $2, 'ACTIVE')
           ON CONFLICT (country_code) DO UPDATE SET endpoint = EXCLUDED.endpoint, status = 'ACTIVE', reason = NULL, updated_at = now()`,
          [countryCode, endpoint],
        );
      }
    });
  }
}
