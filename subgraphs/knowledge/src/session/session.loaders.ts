import { createRowLoader } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { LearningSessionEntity } from './session.entity.js';
import { toSession } from './session.mapper.js';
import type { LearningSession } from './session.type.js';

/** The learning sessions, per request (sessions are public). */
export function createSessionLoaders(dataSource: DataSource) {
  return {
    sessionById: createRowLoader<string, LearningSession>(
      async (ids) => (await dataSource.getRepository(LearningSessionEntity).findBy({ id: In([...ids]) })).map(toSession),
      (session) => session.id,
    ),
  };
}

export type SessionLoaders = ReturnType<typeof createSessionLoaders>;
