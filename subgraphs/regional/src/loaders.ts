import { createGroupLoader, createRowLoader } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { FrameworkEntity } from './framework/framework.entity.js';
import { MembershipEntity } from './membership/membership.entity.js';
import { MemberEntity } from './registry/member.entity.js';

/** Per-request loaders of the regional subgraph. */
export function createLoaders(dataSource: DataSource) {
  const memberships = dataSource.getRepository(MembershipEntity);
  return {
    frameworkByCode: createRowLoader<string, FrameworkEntity>(
      (codes) => dataSource.getRepository(FrameworkEntity).findBy({ code: In([...codes]) }),
      (row) => row.code,
    ),
    membershipsByCountry: createGroupLoader<string, MembershipEntity>(
      (codes) => memberships.find({ where: { countryCode: In([...codes]) }, order: { frameworkCode: 'ASC' } }),
      (row) => row.countryCode,
    ),
    membershipsByFramework: createGroupLoader<string, MembershipEntity>(
      (codes) => memberships.find({ where: { frameworkCode: In([...codes]) }, order: { countryCode: 'ASC' } }),
      (row) => row.frameworkCode,
    ),
    memberByCountry: createRowLoader<string, MemberEntity>(
      (codes) => dataSource.getRepository(MemberEntity).findBy({ countryCode: In([...codes]) }),
      (row) => row.countryCode,
    ),
  };
}

export type RegionalLoaders = ReturnType<typeof createLoaders>;
