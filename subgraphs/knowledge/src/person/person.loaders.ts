import { createRowLoader, isUuid } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { PersonEntity } from './person.entity.js';
import { toPerson } from './person.mapper.js';
import type { Person } from './person.type.js';

/** Persons by reference, per request (null once erased). */
export function createPersonLoaders(dataSource: DataSource) {
  return {
    personByRef: createRowLoader<string, Person>(
      async (refs) => (await dataSource.getRepository(PersonEntity).findBy({ personRef: In(refs.filter(isUuid)) })).map(toPerson),
      (person) => person.personRef,
    ),
  };
}

export type PersonLoaders = ReturnType<typeof createPersonLoaders>;
