import { createRowLoader } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { ResourceEntity } from './resource.entity.js';
import { toResource } from './resource.mapper.js';
import type { Resource } from './resource.type.js';

/** The resources of the network, per request (resources are public). */
export function createResourceLoaders(dataSource: DataSource) {
  return {
    resourceById: createRowLoader<string, Resource>(async (ids) => (await dataSource.getRepository(ResourceEntity).findBy({ id: In([...ids]) })).map(toResource), (resource) => resource.id),
  };
}

export type ResourceLoaders = ReturnType<typeof createResourceLoaders>;
