import { createGroupLoader, createRowLoader } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { toPractice, toSession } from './mappers.js';
import { GoodPracticeEntity } from './practice/practice.entity.js';
import type { GoodPractice } from './practice/practice.type.js';
import { LearningSessionEntity } from './session/session.entity.js';
import type { LearningSession } from './session/session.type.js';

export function createLoaders(dataSource: DataSource) {
  const practices = dataSource.getRepository(GoodPracticeEntity);
  return {
    practiceById: createRowLoader<string, GoodPractice>(async (ids) => (await practices.findBy({ id: In([...ids]) })).map(toPractice), (p) => p.id),
    sessionById: createRowLoader<string, LearningSession>(
      async (ids) => (await dataSource.getRepository(LearningSessionEntity).findBy({ id: In([...ids]) })).map(toSession),
      (s) => s.id,
    ),
    /** Practices naming each country, paired with it; one statement for all countries asked (array overlap). */
    practicesByCountry: createGroupLoader<string, { country: string; practice: GoodPractice }>(
      async (codes) => {
        const rows = await practices
          .createQueryBuilder('practice')
          .where('practice.country_codes && :codes', { codes: [...codes] })
          .orderBy('practice.title', 'ASC')
          .getMany();
        return rows.flatMap((row) => row.countryCodes.filter((code) => codes.includes(code)).map((country) => ({ country, practice: toPractice(row) })));
      },
      (entry) => entry.country,
    ),
  };
}

export type KnowledgeLoaders = ReturnType<typeof createLoaders>;
