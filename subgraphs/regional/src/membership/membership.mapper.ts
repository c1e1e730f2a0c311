import type { MembershipStatus } from '../common/enums.js';
import type { MembershipEntity } from './membership.entity.js';
import type { Membership } from './membership.type.js';

export function toMembership(row: MembershipEntity): Membership {
  return { frameworkCode: row.frameworkCode, countryCode: row.countryCode, status: row.status as MembershipStatus, since: row.since, source: row.source };
}
