import { badInput, requiredText } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { RegionalActionPlanEntity, RegionalCommunityEntity } from './regional-community.entity.js';
import { toRegionalActionPlan, toRegionalEconomicCommunity } from './regional-community.mapper.js';
import type { RegionalActionPlan, RegionalEconomicCommunity } from './regional-community.type.js';

const COMMUNITY_CODE = /^[A-Z][A-Z-]{1,9}$/;

/**
 * A community code as asked for, trimmed and upper-cased ("ecowas" is
 * ECOWAS). BAD_USER_INPUT naming `field` and the codes the data records for
 * a value that cannot be one (empty, other characters, too long), and also
 * for a well-formed code the data does not record when `unknown` is
 * "refuse"; with "keep" such a code is returned, and the lookup finds none.
 */
export function communityCodeOf(value: string, field: string, known: readonly string[], unknown: 'keep' | 'refuse'): string {
  const code = requiredText(value, field).toUpperCase();
  const refuse = () =>
    badInput(field, `${field} must be the code of a regional economic community, one of ${known.join(', ')}; got "${code.length > 12 ? `${code.slice(0, 12)}…` : code}".`, {
      validValues: [...known],
    });
  if (!COMMUNITY_CODE.test(code)) throw refuse();
  if (unknown === 'refuse' && !known.includes(code)) throw refuse();
  return code;
}

/** Every community the data records, in code order. One statement. */
export async function listRegionalCommunities(dataSource: DataSource): Promise<RegionalEconomicCommunity[]> {
  return (await dataSource.getRepository(RegionalCommunityEntity).find({ order: { code: 'ASC' } })).map(toRegionalEconomicCommunity);
}

/** Every regional action plan the data records, first adopted first (plans without an adoption date last). One statement. */
export async function listRegionalActionPlans(dataSource: DataSource): Promise<RegionalActionPlan[]> {
  return (await dataSource.getRepository(RegionalActionPlanEntity).find({ order: { adoptedOn: { direction: 'ASC', nulls: 'LAST' }, key: 'ASC' } })).map(toRegionalActionPlan);
}
