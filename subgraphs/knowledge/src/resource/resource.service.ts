import type { DataSource } from 'typeorm';
import type { ResourceKind, Theme } from '../common/enums.js';
import { ResourceEntity } from './resource.entity.js';
import { toResource } from './resource.mapper.js';
import type { Resource } from './resource.type.js';

/** Studies, guides, manuals, evaluations (public reading): real resources first, then by year (newest first) and title. */
export async function listResources(dataSource: DataSource, filter: { kind?: ResourceKind | null; theme?: Theme | null }): Promise<Resource[]> {
  const query = dataSource
    .getRepository(ResourceEntity)
    .createQueryBuilder('resource')
    .orderBy('resource.is_demo', 'ASC')
    .addOrderBy('resource.year', 'DESC', 'NULLS LAST')
    .addOrderBy('resource.title', 'ASC');
  if (filter.kind) query.andWhere('resource.kind = :kind', { kind: filter.kind });
  if (filter.theme) query.andWhere(':theme = ANY(resource.themes)', { theme: filter.theme });
  return (await query.getMany()).map(toResource);
}
