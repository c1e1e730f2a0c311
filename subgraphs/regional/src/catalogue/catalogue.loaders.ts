import { createGroupLoader, createRowLoader } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import type { Pillar } from '../common/enums.js';
import { toFrameworkIndicator } from './catalogue.mapper.js';
import { FrameworkIndicatorEntity } from './framework-indicator.entity.js';
import type { FrameworkIndicator } from './framework-indicator.type.js';

/** The frameworks' indicator catalogues, per request. */
export function createCatalogueLoaders(dataSource: DataSource) {
  const indicators = dataSource.getRepository(FrameworkIndicatorEntity);
  return {
    catalogueByFramework: createGroupLoader<string, FrameworkIndicator>(
      async (codes) => (await indicators.find({ where: { frameworkCode: In([...codes]) }, order: { position: 'ASC' } })).map(toFrameworkIndicator),
      (indicator) => indicator.frameworkCode,
    ),
    /** Keyed "FRAMEWORK/CODE". */
    frameworkIndicatorByKey: createRowLoader<string, FrameworkIndicator>(
      async (keys) => {
        const pairs = keys.map((key) => key.split('/'));
        const rows = await indicators
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
  };
}

export type CatalogueLoaders = ReturnType<typeof createCatalogueLoaders>;

/** A framework's catalogue in catalogue order; only one pillar's indicators when `pillar` is given. */
export async function catalogueOf(catalogueByFramework: CatalogueLoaders['catalogueByFramework'], frameworkCode: string, pillar?: Pillar | null): Promise<FrameworkIndicator[]> {
  const indicators = await catalogueByFramework.load(frameworkCode);
  return pillar ? indicators.filter((indicator) => indicator.pillar === pillar) : indicators;
}
