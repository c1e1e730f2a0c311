import type { DataSource } from 'typeorm';
import { MemberStatus } from '../common/enums.js';
import { countryName } from './iso-countries.js';

export interface CountryFilter {
  framework?: string | null;
  memberStatus?: MemberStatus | null;
}

/** Codes of the countries matching the filter, in English name order. One statement. */
export async function listCountryCodes(dataSource: DataSource, filter: CountryFilter): Promise<string[]> {
  const query = dataSource.createQueryBuilder().select('country.code', 'code').from('country', 'country').leftJoin('member', 'member', 'member.country_code = country.code');
  if (filter.framework) {
    query.innerJoin('membership', 'membership', 'membership.country_code = country.code AND membership.framework_code = :framework', {
      framework: filter.framework,
    });
  }
  if (filter.memberStatus === MemberStatus.NOT_CONNECTED) query.andWhere('member.country_code IS NULL');
  else if (filter.memberStatus) query.andWhere('member.status = :status', { status: filter.memberStatus });
  const rows: { code: string }[] = await query.getRawMany();
  return rows.map((row) => row.code).sort((a, b) => countryName(a, 'en').localeCompare(countryName(b, 'en'), 'en'));
}
