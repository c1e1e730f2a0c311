import type { DataSource } from 'typeorm';
import { MemberSettingEntity } from './member-setting.entity.js';

/**
 * A member database belongs to one country. The first start records it; a
 * later start with another NAP_COUNTRY_CODE refuses to serve (it would
 * publish one state's data as another's).
 */
export async function claimDatabaseForCountry(dataSource: DataSource, countryCode: string): Promise<void> {
  const settings = dataSource.getRepository(MemberSettingEntity);
  await settings.createQueryBuilder().insert().values({ key: 'country_code', value: countryCode }).orIgnore().execute();
  const recorded = await settings.findOneByOrFail({ key: 'country_code' });
  if (recorded.value !== countryCode) {
    throw new Error(`this database holds the NAP of ${recorded.value}, but NAP_COUNTRY_CODE is ${countryCode}; point DATABASE_URL at ${countryCode}'s database`);
  }
}
