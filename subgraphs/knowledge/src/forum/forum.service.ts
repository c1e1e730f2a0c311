import { randomUUID } from 'node:crypto';
import { badInput, notFound, optionalText, recordAudit, referenceId, requireRole, requiredText, type Principal } from '@wps/kit';
import { In } from 'typeorm';
import { isNetworkAdmin, isNetworkMember, NETWORK_ROLES } from '../common/access.js';
import { SessionAccess } from '../common/enums.js';
import { writeTransaction, type KnowledgeRequest } from '../common/request.js';
import { displayNameOf, personRefOf } from '../person/person.service.js';
import type { Person } from '../person/person.type.js';
import type { SessionLoaders } from '../session/session.loaders.js';
import { LearningSessionEntity } from '../session/session.entity.js';
import type { LearningSession } from '../session/session.type.js';
import { ForumPostEntity } from './forum-post.entity.js';
import { ForumThreadEntity } from './forum-thread.entity.js';
import type { PostToForumInput, StartForumThreadInput } from './forum.inputs.js';
import { toForumPost, toForumThread } from './forum.mapper.js';
import type { ForumThread, ForumPost } from './forum.type.js';

/*
 * The forum of the network. The public reads public threads without author
 * names; network members read every thread, with names except around
 * Chatham House sessions (where only the author and admins see who wrote).
 * Network members start threads and post; every write is one transaction
 * with its audit row.
 */

/** Threads anyone may read: general ones, and those of OPEN sessions not under the Chatham House rule. */
export function isPublicThread(session: Pick<LearningSession, 'access' | 'chathamHouse'> | null): boolean {
  return session === null || (session.access === SessionAccess.OPEN && !session.chathamHouse);
}

/** SQL for the same rule, on a thread `t` left-joined to its session `s`. */
const PUBLIC_THREAD_SQL = `(t.session_id IS NULL OR (s.access = 'OPEN' AND NOT s.chatham_house))`;

/** Whether the caller may read a thread around this session (null: a general thread). */
export function canReadThread(principal: Principal, session: Pick<LearningSession, 'access' | 'chathamHouse'> | null): boolean {
  return isNetworkMember(principal) || isPublicThread(session);
}

/**
 * The author's name (their directory name, else their sign-in subject;
 * "Erased participant" once erased; `author` null), or null where the caller
 * may not know who wrote.
 */
export function authorNameFor(principal: Principal, author: Person | null, session: Pick<LearningSession, 'chathamHouse'> | null): string | null {
  if (!isNetworkMember(principal)) return null;
  if (session?.chathamHouse && !isNetworkAdmin(principal) && (author?.subject ?? null) !== principal.subject) return null;
  return displayNameOf(author);
}

/** The thread if the caller may read it; null (as if it did not exist) otherwise. */
export async function visibleThread(
  principal: Principal,
  loaders: { threadById: { load(id: string): Promise<ForumThread | null> }; sessionById: SessionLoaders['sessionById'] },
  id: string,
): Promise<ForumThread | null> {
  const thread = await loaders.threadById.load(id);
  if (!thread) return null;
  const session = thread.sessionId ? await loaders.sessionById.load(thread.sessionId) : null;
  return canReadThread(principal, session) ? thread : null;
}

/** Threads the caller may read of any of `sessionIds` (all threads when null), latest activity first; one statement. */
export async function readableThreads(request: KnowledgeRequest, sessionIds: readonly string[] | null): Promise<ForumThread[]> {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  if (sessionIds) {
    parameters.push([...sessionIds]);
    conditions.push(`t.session_id = ANY ($${parameters.length})`);
  }
  if (!isNetworkMember(request.principal)) conditions.push(PUBLIC_THREAD_SQL);
  const rows: { id: string }[] = await request.dataSource.query(
    `SELECT t.id
       FROM forum_thread t
       LEFT JOIN learning_session s ON s.id = t.session_id
       LEFT JOIN LATERAL (SELECT max(p.created_at) AS last_post_at FROM forum_post p WHERE p.thread_id = t.id) activity ON true
      ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY coalesce(activity.last_post_at, t.created_at) DESC, t.id`,
    parameters,
  );
  if (rows.length === 0) return [];
  const threads = await request.dataSource.getRepository(ForumThreadEntity).findBy({ id: In(rows.map((row) => row.id)) });
  const byId = new Map(threads.map((thread) => [thread.id, toForumThread(thread)]));
  return rows.map((row) => byId.get(row.id)!);
}

/** A network member opens a thread with its first post. */
export async function startThread(request: KnowledgeRequest, input: StartForumThreadInput): Promise<ForumThread> {
  const { principal } = request;
  requireRole(principal, NETWORK_ROLES, 'start a forum thread');
  const title = requiredText(input.title, 'input.title', { min: 5, max: 200 });
  const body = requiredText(input.body, 'input.body', { min: 1, max: 5000 });
  const sessionId = optionalText(input.sessionId, 'input.sessionId', 200);
  return writeTransaction(request, async (manager) => {
    if (sessionId && !(await manager.existsBy(LearningSessionEntity, { id: sessionId }))) throw badInput('input.sessionId', `No learning session with id "${sessionId}".`);
    const authorRef = await personRefOf(manager, principal.subject);
    const now = new Date();
    const threadId = randomUUID();
    await manager.insert(ForumThreadEntity, { id: threadId, sessionId, title, authorRef, createdAt: now, isDemo: false });
    await manager.insert(ForumPostEntity, { id: randomUUID(), threadId, body, authorRef, createdAt: now, isDemo: false });
    const created = toForumThread(await manager.findOneByOrFail(ForumThreadEntity, { id: threadId }));
    await recordAudit(manager, { actor: principal.subject, action: 'startForumThread', entity: 'forum_thread', entityId: threadId, after: { ...created, body } });
    return created;
  });
}

/** A network member posts to a thread. */
export async function postToForum(request: KnowledgeRequest, input: PostToForumInput): Promise<ForumPost> {
  const { principal } = request;
  requireRole(principal, NETWORK_ROLES, 'post to the forum');
  const threadId = referenceId(input.threadId, 'input.threadId');
  const body = requiredText(input.body, 'input.body', { min: 1, max: 5000 });
  return writeTransaction(request, async (manager) => {
    // Share-lock the thread so it cannot disappear under the post.
    const thread = await manager.findOne(ForumThreadEntity, { where: { id: threadId }, lock: { mode: 'pessimistic_read' } });
    if (!thread) throw notFound('input.threadId', 'forum thread');
    const id = randomUUID();
    await manager.insert(ForumPostEntity, {
      id,
      threadId: thread.id,
      body,
      authorRef: await personRefOf(manager, principal.subject),
      createdAt: new Date(),
      isDemo: false,
    });
    const post = toForumPost(await manager.findOneByOrFail(ForumPostEntity, { id }));
    await recordAudit(manager, { actor: principal.subject, action: 'postToForum', entity: 'forum_post', entityId: post.id, after: post });
    return post;
  });
}
