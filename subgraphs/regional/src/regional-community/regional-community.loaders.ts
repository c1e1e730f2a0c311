import { createRowLoader } from '@wps/kit';
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { RegionalActionPlanEntity, RegionalCommunityChangeEntity, RegionalCommunityEntity, type RegionalCommunityMemberEntity } from './regional-community.entity.js';
import { toCommunityMembershipChange, toRegionalActionPlan, toRegionalEconomicCommunity } from './regional-community.mapper.js';
import type { CommunityMembershipChange, RegionalActionPlan, RegionalEconomicCommunity } from './regional-community.type.js';

/** Rows grouped by key, in key order (empty where none). */
function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const byKey = new Map<K, V[]>();
  for (const row of rows) byKey.set(keyOf(row), [...(byKey.get(keyOf(row)) ?? []), row]);
  return keys.map((key) => byKey.get(key) ?? []);
}

/** The regional economic communities and action plans, per request: one statement per batch. */
export function createRegionalCommunityLoaders(dataSource: DataSource) {
  return {
    communityByCode: createRowLoader<string, RegionalEconomicCommunity>(
      async (codes) => (await dataSource.getRepository(RegionalCommunityEntity).findBy({ code: In([...codes]) })).map(toRegionalEconomicCommunity),
      (community) => community.code,
    ),
    /** The codes of every community the data records, in order (one row set; the key is ignored). */
    communityCodes: new DataLoader<'all', string[]>(async (keys) => {
      const rows = (await dataSource.query('SELECT code FROM regional_community ORDER BY code')) as { code: string }[];
      return keys.map(() => rows.map((row) => row.code));
    }),
    /** A community's member states (codes), in code order. */
    memberCodesByCommunity: new DataLoader<string, string[]>(async (codes) => {
      const rows = (await dataSource.query('SELECT community_code AS "communityCode", country_code AS "countryCode" FROM regional_community_member WHERE community_code = ANY($1::text[]) ORDER BY country_code', [
        [...codes],
      ])) as RegionalCommunityMemberEntity[];
      return groupBy(codes, rows, (row) => row.communityCode).map((members) => members.map((member) => member.countryCode));
    }),
    /** The communities a state belongs to, in code order (empty for none). */
    communitiesByCountry: new DataLoader<string, RegionalEconomicCommunity[]>(async (countryCodes) => {
      const rows = (await dataSource.query(
        `SELECT m.country_code AS "countryCode", c.code, c.name, c.members_complete AS "membersComplete", c.as_of AS "asOf", c.note, c.sources
           FROM regional_community_member m JOIN regional_community c ON c.code = m.community_code
          WHERE m.country_code = ANY($1::text[]) ORDER BY c.code`,
        [[...countryCodes]],
      )) as (RegionalCommunityEntity & { countryCode: string })[];
      return groupBy(countryCodes, rows, (row) => row.countryCode).map((communities) => communities.map(toRegionalEconomicCommunity));
    }),
    /** A community's dated membership changes, oldest first. */
    membershipChangesByCommunity: new DataLoader<string, CommunityMembershipChange[]>(async (codes) => {
      const rows = await dataSource.getRepository(RegionalCommunityChangeEntity).find({ where: { communityCode: In([...codes]) }, order: { date: 'ASC', countryCode: 'ASC' } });
      return groupBy(codes, rows, (row) => row.communityCode).map((changes) => changes.map(toCommunityMembershipChange));
    }),
    /** A community's regional action plans, first adopted first. */
    actionPlansByCommunity: new DataLoader<string, RegionalActionPlan[]>(async (codes) => {
      const rows = await dataSource.getRepository(RegionalActionPlanEntity).find({ where: { communityCode: In([...codes]) }, order: { adoptedOn: 'ASC', key: 'ASC' } });
      return groupBy(codes, rows, (row) => row.communityCode!).map((plans) => plans.map(toRegionalActionPlan));
    }),
  };
}

export type RegionalCommunityLoaders = ReturnType<typeof createRegionalCommunityLoaders>;
