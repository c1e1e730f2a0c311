import { toRecordDate } from '../public-record/public-record.mapper.js';
import type { RegionalActionPlanEntity, RegionalCommunityChangeEntity, RegionalCommunityEntity } from './regional-community.entity.js';
import { CommunityMembershipChangeKind, type CommunityMembershipChange, type RegionalActionPlan, type RegionalEconomicCommunity } from './regional-community.type.js';

export function toRegionalEconomicCommunity(row: RegionalCommunityEntity): RegionalEconomicCommunity {
  return { code: row.code, name: row.name, membersComplete: row.membersComplete, asOf: toRecordDate(row.asOf), sources: row.sources, note: row.note };
}

export function toCommunityMembershipChange(row: RegionalCommunityChangeEntity): CommunityMembershipChange {
  return {
    countryCode: row.countryCode,
    change: row.change as CommunityMembershipChangeKind,
    date: toRecordDate(row.date),
    detail: row.detail,
    sources: row.sources,
    sourceConflict: row.sourceConflict,
  };
}

export function toRegionalActionPlan(row: RegionalActionPlanEntity): RegionalActionPlan {
  return {
    key: row.key,
    body: row.body,
    communityCode: row.communityCode,
    title: row.title,
    period: { start: row.periodStart, end: row.periodEnd },
    adopted: row.adoptedOn === null ? null : toRecordDate(row.adoptedOn),
    sources: row.sources,
    verified: row.verified,
    note: row.note,
    sourceConflict: row.sourceConflict,
  };
}
