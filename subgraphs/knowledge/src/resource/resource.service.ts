import type { DataSource } from 'typeorm';
import type { ResourceKind, Theme } from '../enums.js';
import { toResource } from '../mappers.js';
import { ResourceEntity } from './resource.entity.js';
import type { Resource } from './resource.type.js';

/** Studies, guides, manuals, evaluations: public reading. */
export class ResourceService {
  constructor(private readonly dataSource: DataSource) {}

  /** Real resources first, then by year (newest first) and title. */
  async list(filter: { kind?: ResourceKind | null; theme?: Theme | null }): Promise<Resource[]> {
    const query = this.dataSource
      .getRepository(ResourceEntity)
      .createQueryBuilder('resource')
      .orderBy('resource.is_demo', 'ASC')
      .addOrderBy('resource.year', 'DESC', 'NULLS LAST')
      .addOrderBy('resource.title', 'ASC');
    if (filter.kind) query.andWhere('resource.kind = :kind', { kind: filter.kind });
    if (filter.theme) query.andWhere(':theme = ANY(resource.themes)', { theme: filter.theme });
    return (await query.getMany()).map(toResource);
  }
}
