import DataLoader from 'dataloader';
import { createGroupLoader, createRowLoader, isUuid, type Principal } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { ForumPostEntity } from './forum/forum-post.entity.js';
import { ForumThreadEntity } from './forum/forum-thread.entity.js';
import type { ForumService } from './forum/forum.service.js';
import type { ForumPost, ForumThread } from './forum/forum.type.js';
import { toForumPost, toForumThread, toPractice, toRegistration, toResource, toSession } from './mappers.js';
import { GoodPracticeEntity } from './practice/practice.entity.js';
import type { GoodPractice } from './practice/practice.type.js';
import { loadRelatedPractices, type RelatedPracticesKey } from './practice/related-practices.js';
import { SessionRegistrationEntity } from './registration/registration.entity.js';
import type { SessionRegistration } from './registration/registration.type.js';
import { ResourceEntity } from './resource/resource.entity.js';
import type { Resource } from './resource/resource.type.js';
import { LearningSessionEntity } from './session/session.entity.js';
import type { LearningSession } from './session/session.type.js';

/** Per-request loaders (created in the request's context, never shared between requests). */
export function createLoaders(dataSource: DataSource, principal: Principal, forum: ForumService) {
  const practices = dataSource.getRepository(GoodPracticeEntity);
  return {
    /** Any status: callers check visibility (PracticeService.canSee). */
    practiceById: createRowLoader<string, GoodPractice>(async (ids) => (await practices.findBy({ id: In([...ids]) })).map(toPractice), (p) => p.id),
    sessionById: createRowLoader<string, LearningSession>(
      async (ids) => (await dataSource.getRepository(LearningSessionEntity).findBy({ id: In([...ids]) })).map(toSession),
      (s) => s.id,
    ),
    resourceById: createRowLoader<string, Resource>(async (ids) => (await dataSource.getRepository(ResourceEntity).findBy({ id: In([...ids]) })).map(toResource), (r) => r.id),
    /** Any thread: callers check visibility (ForumService.canSee). */
    threadById: createRowLoader<string, ForumThread>(
      async (ids) => (await dataSource.getRepository(ForumThreadEntity).findBy({ id: In(ids.filter(isUuid)) })).map(toForumThread),
      (t) => t.id,
    ),
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
    /** Threads the caller may read, per session, latest activity first. */
    readableThreadsBySession: createGroupLoader<string, ForumThread>((ids) => forum.readableThreads(ids), (thread) => thread.sessionId!),
    postsByThread: createGroupLoader<string, ForumPost>(
      async (ids) => (await dataSource.getRepository(ForumPostEntity).find({ where: { threadId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } })).map(toForumPost),
      (post) => post.threadId,
    ),
    /** Seats taken (CONFIRMED or PENDING) per session. */
    seatsTakenBySession: new DataLoader<string, number>(async (ids) => {
      const rows: { session_id: string; taken: number }[] = await dataSource.query(
        `SELECT session_id, count(*)::int AS taken FROM session_registration WHERE session_id = ANY($1) AND status IN ('CONFIRMED', 'PENDING') GROUP BY session_id`,
        [[...ids]],
      );
      const taken = new Map(rows.map((row) => [row.session_id, row.taken]));
      return ids.map((id) => taken.get(id) ?? 0);
    }),
    /** The asking member's own registration per session (none for the public). */
    myRegistrationBySession: createRowLoader<string, SessionRegistration>(
      async (ids) =>
        principal.anonymous
          ? []
          : (await dataSource.getRepository(SessionRegistrationEntity).findBy({ sessionId: In([...ids]), subject: principal.subject })).map(toRegistration),
      (registration) => registration.sessionId,
    ),
    /** "Who solved this": published practices from other states for an indicator or a plan's weak spots. */
    relatedPractices: new DataLoader<RelatedPracticesKey, GoodPractice[], string>((keys) => loadRelatedPractices(dataSource, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
  };
}

export type KnowledgeLoaders = ReturnType<typeof createLoaders>;
