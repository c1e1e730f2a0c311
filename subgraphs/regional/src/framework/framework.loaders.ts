import { createRowLoader } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { FrameworkEntity } from './framework.entity.js';
import { toFramework } from './framework.mapper.js';
import type { RegionalFramework } from './framework.type.js';

/** The regional frameworks, per request. */
export function createFrameworkLoaders(dataSource: DataSource) {
  return {
    frameworkByCode: createRowLoader<string, RegionalFramework>(
      async (codes) => (await dataSource.getRepository(FrameworkEntity).findBy({ code: In([...codes]) })).map(toFramework),
      (framework) => framework.code,
    ),
  };
}

export type FrameworkLoaders = ReturnType<typeof createFrameworkLoaders>;
