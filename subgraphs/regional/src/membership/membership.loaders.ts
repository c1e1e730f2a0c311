import { createGroupLoader } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { MembershipEntity } from './membership.entity.js';
import { toMembership } from './membership.mapper.js';
import type { Membership } from './membership.type.js';

/** States' memberships of the frameworks' organisations, per request. */
export function createMembershipLoaders(dataSource: DataSource) {
  const memberships = dataSource.getRepository(MembershipEntity);
  return {
    membershipsByCountry: createGroupLoader<string, Membership>(
      async (codes) => (await memberships.find({ where: { countryCode: In([...codes]) }, order: { frameworkCode: 'ASC' } })).map(toMembership),
      (membership) => membership.countryCode,
    ),
    membershipsByFramework: createGroupLoader<string, Membership>(
      async (codes) => (await memberships.find({ where: { frameworkCode: In([...codes]) }, order: { countryCode: 'ASC' } })).map(toMembership),
      (membership) => membership.frameworkCode,
    ),
  };
}

export type MembershipLoaders = ReturnType<typeof createMembershipLoaders>;
