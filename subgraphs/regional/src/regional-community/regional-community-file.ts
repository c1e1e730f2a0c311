import type { RegionalActionPlans, RegionalEconomicCommunities } from '@wps/data';
import { isIsoAlpha2 } from '../country/iso-countries.js';
import { isPartialIsoDate } from '../public-record/public-record-file.js';
import type { RegionalActionPlanEntity, RegionalCommunityChangeEntity, RegionalCommunityEntity, RegionalCommunityMemberEntity } from './regional-community.entity.js';

/** The rows of the regional communities and action plans, read from data/. */
export interface RegionalCommunityRows {
  communities: RegionalCommunityEntity[];
  members: RegionalCommunityMemberEntity[];
  changes: RegionalCommunityChangeEntity[];
  plans: RegionalActionPlanEntity[];
}

const COMMUNITY_CODE = /^[A-Z][A-Z-]{1,9}$/;
const CHANGE_KINDS = new Set(['JOINED', 'LEFT']);

const isYear = (value: unknown): value is number | null => value === null || (Number.isInteger(value) && (value as number) >= 1990 && (value as number) <= 2100);
/** At least one source, each a non-empty text (a URL of the page read). */
const isSourceList = (value: unknown): value is string[] => Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'string' && entry.trim().length > 0);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const optionalText = (value: unknown): value is string | undefined => value === undefined || isText(value);

/**
 * The communities' and plans' rows, checked: every community code of the
 * form "ECOWAS" or "CEN-SAD" and listed once, every member an ISO 3166-1
 * alpha-2 code listed once, every date a real partial ISO date, every
 * change consistent with the members (a state that LEFT is not listed, one
 * that JOINED is), every plan keyed once with its years in order and its
 * community known, and every community, change and plan with at least one
 * source. Throws with every problem found (and writes nothing), so a wrong
 * edit of the data files stops the service at start instead of serving it.
 */
export function readRegionalCommunities(file: RegionalEconomicCommunities, planFile: RegionalActionPlans): RegionalCommunityRows {
  const problems: string[] = [];
  const rows: RegionalCommunityRows = { communities: [], members: [], changes: [], plans: [] };
  for (const [name, about] of [['regional-economic-communities.json', file._about], ['regional-action-plans.json', planFile._about]] as const) {
    if (!isText(about?.what) || !isText(about?.gathered)) problems.push(`${name}: _about.what and _about.gathered are required`);
  }
  const codes = new Set<string>();
  for (const [index, community] of (Array.isArray(file.communities) ? file.communities : []).entries()) {
    const where = `regional-economic-communities.json communities[${index}] (${String(community?.code)})`;
    if (typeof community?.code !== 'string' || !COMMUNITY_CODE.test(community.code)) {
      problems.push(`${where}: code must be capital letters (and hyphens), 2 to 10 of them, such as "ECOWAS" or "CEN-SAD"`);
      continue;
    }
    if (codes.has(community.code)) problems.push(`${where}: the community is listed twice`);
    codes.add(community.code);
    if (!isText(community.name)) problems.push(`${where}: name is required`);
    if (typeof community.membersComplete !== 'boolean') problems.push(`${where}: membersComplete must be true or false`);
    if (!isPartialIsoDate(community.asOf)) problems.push(`${where}: asOf "${String(community.asOf)}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if (!isSourceList(community.sources)) problems.push(`${where}: sources must list at least one source`);
    if (!optionalText(community.note)) problems.push(`${where}: note must be a non-empty text when given`);
    if (community.membersComplete === false && !isText(community.note)) problems.push(`${where}: a membership that is not complete needs a note saying why`);
    const members = new Set<string>();
    const memberList = Array.isArray(community.members) ? community.members : [];
    if (memberList.length === 0) problems.push(`${where}: lists no member`);
    for (const member of memberList) {
      if (typeof member !== 'string' || !isIsoAlpha2(member)) problems.push(`${where}: member "${String(member)}" is not an ISO 3166-1 alpha-2 country code`);
      else if (members.has(member)) problems.push(`${where}: member ${member} is listed twice`);
      else {
        members.add(member);
        rows.members.push({ communityCode: community.code, countryCode: member });
      }
    }
    for (const [at, change] of (Array.isArray(community.changes) ? community.changes : []).entries()) {
      const there = `${where} changes[${at}] (${String(change?.iso2)})`;
      if (typeof change?.iso2 !== 'string' || !isIsoAlpha2(change.iso2)) {
        problems.push(`${there}: iso2 is not an ISO 3166-1 alpha-2 country code`);
        continue;
      }
      if (!CHANGE_KINDS.has(change.change)) problems.push(`${there}: change must be "JOINED" or "LEFT"`);
      else if (change.change === 'LEFT' && members.has(change.iso2)) problems.push(`${there}: the state left but is still listed as a member`);
      else if (change.change === 'JOINED' && !members.has(change.iso2)) problems.push(`${there}: the state joined but is not listed as a member`);
      if (!isPartialIsoDate(change.date)) problems.push(`${there}: date "${String(change.date)}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
      if (!isSourceList(change.sources)) problems.push(`${there}: sources must list at least one source`);
      if (!optionalText(change.detail) || !optionalText(change.conflict)) problems.push(`${there}: detail and conflict must be non-empty texts when given`);
      rows.changes.push({
        communityCode: community.code,
        countryCode: change.iso2,
        change: String(change.change),
        date: String(change.date),
        detail: change.detail ?? null,
        sourceConflict: change.conflict ?? null,
        sources: isSourceList(change.sources) ? change.sources : [],
      });
    }
    rows.communities.push({
      code: community.code,
      name: String(community.name),
      membersComplete: community.membersComplete,
      asOf: String(community.asOf),
      note: community.note ?? null,
      sources: isSourceList(community.sources) ? community.sources : [],
    });
  }
  const keys = new Set<string>();
  for (const [index, plan] of (Array.isArray(planFile.plans) ? planFile.plans : []).entries()) {
    const where = `regional-action-plans.json plans[${index}] (${String(plan?.key)})`;
    if (!isText(plan?.key)) {
      problems.push(`${where}: key is required`);
      continue;
    }
    if (keys.has(plan.key)) problems.push(`${where}: the plan is listed twice`);
    keys.add(plan.key);
    if (!isText(plan.body) || !isText(plan.title)) problems.push(`${where}: body and title are required`);
    if (plan.communityCode !== undefined && !codes.has(plan.communityCode)) problems.push(`${where}: communityCode "${String(plan.communityCode)}" is not a community of regional-economic-communities.json`);
    if (!isYear(plan.start) || !isYear(plan.end)) problems.push(`${where}: start and end must be years (or null when not known)`);
    else if (plan.start !== null && plan.end !== null && plan.end < plan.start) problems.push(`${where}: end ${plan.end} is before start ${plan.start}`);
    if (plan.adopted !== undefined && !isPartialIsoDate(plan.adopted)) problems.push(`${where}: adopted "${String(plan.adopted)}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if (typeof plan.verified !== 'boolean') problems.push(`${where}: verified must be true or false`);
    if (!isSourceList(plan.sources)) problems.push(`${where}: sources must list at least one source`);
    if (!optionalText(plan.note) || !optionalText(plan.conflict)) problems.push(`${where}: note and conflict must be non-empty texts when given`);
    rows.plans.push({
      key: plan.key,
      body: String(plan.body),
      communityCode: plan.communityCode ?? null,
      title: String(plan.title),
      periodStart: plan.start,
      periodEnd: plan.end,
      adoptedOn: plan.adopted ?? null,
      verified: plan.verified,
      note: plan.note ?? null,
      sourceConflict: plan.conflict ?? null,
      sources: isSourceList(plan.sources) ? plan.sources : [],
    });
  }
  if (problems.length > 0) throw new Error(`the regional communities in data/ are not valid:\n- ${problems.join('\n- ')}`);
  return rows;
}
