import { createGroupLoader, createRowLoader } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { FrameworkIndicatorEntity } from './catalogue/framework-indicator.entity.js';
import type { FrameworkIndicator } from './catalogue/framework-indicator.type.js';
import type { IndicatorLevel, Pillar } from './enums.js';
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
    catalogueByFramework: createGroupLoader<string, FrameworkIndicator>(
      async (codes) =>
        (await dataSource.getRepository(FrameworkIndicatorEntity).find({ where: { frameworkCode: In([...codes]) }, order: { position: 'ASC' } })).map(toFrameworkIndicator),
      (indicator) => indicator.frameworkCode,
    ),
    /** Keyed "FRAMEWORK/CODE". */
    frameworkIndicatorByKey: createRowLoader<string, FrameworkIndicator>(
      async (keys) => {
        const pairs = keys.map((key) => key.split('/'));
        const rows = await dataSource
          .getRepository(FrameworkIndicatorEntity)
          .createQueryBuilder('indicator')
          .where('(indicator.framework_code, indicator.code) IN (SELECT * FROM unnest(CAST(:frameworks AS text[]), CAST(:codes AS text[])))', {
            frameworks: pairs.map(([framework]) => framework),
            codes: pairs.map(([, code]) => code ?? ''),
          })
          .getMany();
        return rows.map(toFrameworkIndicator);
      },
      (indicator) => `${indicator.frameworkCode}/${indicator.code}`,
    ),
    memberByCountry: createRowLoader<string, MemberEntity>(
      (codes) => dataSource.getRepository(MemberEntity).findBy({ countryCode: In([...codes]) }),
      (row) => row.countryCode,
    ),
  };
}

export type RegionalLoaders = ReturnType<typeof createLoaders>;

function toFrameworkIndicator(row: FrameworkIndicatorEntity): FrameworkIndicator {
  return {
    frameworkCode: row.frameworkCode,
    code: row.code,
    title: row.title,
    pillar: row.pillar as Pillar | null,
    level: row.level as IndicatorLevel | null,
    illustrative: row.illustrative,
    source: row.source,
  };
}
