import { createGroupLoader, createRowLoader } from '@wps/kit';
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { GoodPracticeEntity } from './practice.entity.js';
import { toPractice } from './practice.mapper.js';
import type { GoodPractice } from './practice.type.js';
import { loadRelatedPractices, type RelatedPracticesKey } from './related-practices.js';

/** Good practices, per request. */
export function createPracticeLoaders(dataSource: DataSource) {
  const practices = dataSource.getRepository(GoodPracticeEntity);
  return {
    /** Any status: callers check visibility (visiblePractice). */
    practiceById: createRowLoader<string, GoodPractice>(async (ids) => (await practices.findBy({ id: In([...ids]) })).map(toPractice), (practice) => practice.id),
    /** Published practices naming each country, paired with it; one statement for all countries asked (array overlap). */
    practicesByCountry: createGroupLoader<string, { country: string; practice: GoodPractice }>(
      async (codes) => {
        const rows = await practices
          .createQueryBuilder('practice')
          .where('practice.country_codes && :codes', { codes: [...codes] })
          .andWhere(`practice.status = 'PUBLISHED'`)
          .orderBy('practice.title', 'ASC')
          .getMany();
        return rows.flatMap((row) => row.countryCodes.filter((code) => codes.includes(code)).map((country) => ({ country, practice: toPractice(row) })));
      },
      (entry) => entry.country,
    ),
    /** Published practices shared in each session. */
    practicesBySession: createGroupLoader<string, GoodPractice>(
      async (ids) => (await practices.find({ where: { sessionId: In([...ids]), status: 'PUBLISHED' }, order: { title: 'ASC' } })).map(toPractice),
      (practice) => practice.sessionId!,
    ),
    /** "Who solved this": published practices from other states for an indicator or a plan's weak spots. */
    relatedPractices: new DataLoader<RelatedPracticesKey, GoodPractice[], string>((keys) => loadRelatedPractices(dataSource, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
  };
}

export type PracticeLoaders = ReturnType<typeof createPracticeLoaders>;
