import { createGroupLoader, createRowLoader, isUuid } from '@wps/kit';
import { In } from 'typeorm';
import type { KnowledgeRequest } from '../common/request.js';
import { ForumPostEntity } from './forum-post.entity.js';
import { ForumThreadEntity } from './forum-thread.entity.js';
import { toForumPost, toForumThread } from './forum.mapper.js';
import { readableThreads } from './forum.service.js';
import type { ForumPost, ForumThread } from './forum.type.js';

/** The forum's threads and posts, per request. */
export function createForumLoaders(request: KnowledgeRequest) {
  const { dataSource } = request;
  return {
    /** Any thread: callers check visibility (visibleThread). */
    threadById: createRowLoader<string, ForumThread>(
      async (ids) => (await dataSource.getRepository(ForumThreadEntity).findBy({ id: In(ids.filter(isUuid)) })).map(toForumThread),
      (thread) => thread.id,
    ),
    /** Threads the caller may read, per session, latest activity first. */
    readableThreadsBySession: createGroupLoader<string, ForumThread>((ids) => readableThreads(request, ids), (thread) => thread.sessionId!),
    postsByThread: createGroupLoader<string, ForumPost>(
      async (ids) => (await dataSource.getRepository(ForumPostEntity).find({ where: { threadId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } })).map(toForumPost),
      (post) => post.threadId,
    ),
  };
}

export type ForumLoaders = ReturnType<typeof createForumLoaders>;
