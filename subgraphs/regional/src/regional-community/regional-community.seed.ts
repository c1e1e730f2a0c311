import { loadRegionalActionPlans, loadRegionalEconomicCommunities } from '@wps/data';
import type { DataSource } from 'typeorm';
import { readRegionalCommunities } from './regional-community-file.js';
import { RegionalActionPlanEntity, RegionalCommunityChangeEntity, RegionalCommunityEntity, RegionalCommunityMemberEntity } from './regional-community.entity.js';

/**
 * Replace the regional communities and action plans with the data files'
 * (data/regional-economic-communities.json, data/regional-action-plans.json)
 * at every start, in one transaction: an edited file is served after a
 * restart, and a file that does not pass the checks leaves the old rows in
 * place (the service does not start).
 */
export async function seedRegionalCommunities(dataSource: DataSource): Promise<{ communities: number; members: number; changes: number; plans: number }> {
  const rows = readRegionalCommunities(loadRegionalEconomicCommunities(), loadRegionalActionPlans());
  await dataSource.transaction(async (manager) => {
    await manager.query('DELETE FROM regional_action_plan');
    await manager.query('DELETE FROM regional_community_change');
    await manager.query('DELETE FROM regional_community_member');
    await manager.query('DELETE FROM regional_community');
    await manager.insert(RegionalCommunityEntity, rows.communities);
    await manager.insert(RegionalCommunityMemberEntity, rows.members);
    if (rows.changes.length > 0) await manager.insert(RegionalCommunityChangeEntity, rows.changes);
    if (rows.plans.length > 0) await manager.insert(RegionalActionPlanEntity, rows.plans);
  });
  return { communities: rows.communities.length, members: rows.members.length, changes: rows.changes.length, plans: rows.plans.length };
}
