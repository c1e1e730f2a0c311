import { randomUUID } from 'node:crypto';
import { badInput, isUuid, recordAudit, requireRole, type Principal } from '@wps/kit';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { isNetworkAdmin, isNetworkMember, NETWORK_ROLES } from '../common/access.js';
import { boundedText, notFound, optionalText } from '../common/input-rules.js';
import { SessionAccess } from '../enums.js';
import { FocalPointEntity } from '../focal-point/focal-point.entity.js';
import { toForumPost, toForumThread } from '../mappers.js';
import { LearningSessionEntity } from '../session/session.entity.js';
import type { LearningSession } from '../session/session.type.js';
import { ForumPostEntity } from './forum-post.entity.js';
import { ForumThreadEntity } from './forum-thread.entity.js';
import type { PostToForumInput, StartForumThreadInput } from './forum.inputs.js';
import type { ForumPost, ForumThread } from './forum.type.js';

/** Threads anyone may read: general ones, and those of OPEN sessions not under the Chatham House rule. */
export function isPublicThread(session: Pick<LearningSession, 'access' | 'chathamHouse'> | null): boolean {
  return session === null || (session.access === SessionAccess.OPEN && !session.chathamHouse);
}

/** SQL for the same rule, on a thread `t` left-joined to its session `s`. */
const PUBLIC_THREAD_SQL = `(t.session_id IS NULL OR (s.access = 'OPEN' AND NOT s.chatham_house))`;

/**
 * The forum of the network. The public reads public threads without author
 * names; network members read every thread, with names except around
 * Chatham House sessions (where only the author and admins see who wrote).
 * Network members start threads and post; every write is one transaction
 * with its audit row.
 */
export class ForumService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly principal: Principal,
  ) {}

  canSee(session: Pick<LearningSession, 'access' | 'chathamHouse'> | null): boolean {
    return isNetworkMember(this.principal) || isPublicThread(session);
  }

  /** The author's name, or null where the caller may not know who wrote. */
  authorNameFor(item: { authorSubject: string; authorName: string }, session: Pick<LearningSession, 'chathamHouse'> | null): string | null {
    if (!isNetworkMember(this.principal)) return null;
    if (session?.chathamHouse && !isNetworkAdmin(this.principal) && item.authorSubject !== this.principal.subject) return null;
    return item.authorName;
  }

  /** Threads the caller may read, latest activity first; only those of one session when `sessionId` is given. */
  threads(sessionId?: string | null): Promise<ForumThread[]> {
    return this.readableThreads(sessionId ? [sessionId] : null);
  }

  /** Threads the caller may read of any of `sessionIds` (all threads when null), latest activity first; one statement. */
  async readableThreads(sessionIds: readonly string[] | null): Promise<ForumThread[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (sessionIds) {
      parameters.push([...sessionIds]);
      conditions.push(`t.session_id = ANY ($${parameters.length})`);
    }
    if (!isNetworkMember(this.principal)) conditions.push(PUBLIC_THREAD_SQL);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT t.id
         FROM forum_thread t
         LEFT JOIN learning_session s ON s.id = t.session_id
         LEFT JOIN LATERAL (SELECT max(p.created_at) AS last_post_at FROM forum_post p WHERE p.thread_id = t.id) activity ON true
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY coalesce(activity.last_post_at, t.created_at) DESC, t.id`,
      parameters,
    );
    if (rows.length === 0) return [];
    const threads = await this.dataSource.getRepository(ForumThreadEntity).findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(threads.map((thread) => [thread.id, toForumThread(thread)]));
    return rows.map((row) => byId.get(row.id)!);
  }

  /** A network member opens a thread with its first post. */
  async startThread(input: StartForumThreadInput): Promise<ForumThread> {
    requireRole(this.principal, NETWORK_ROLES, 'start a forum thread');
    const title = boundedText(input.title, 'input.title', 5, 200);
    const body = boundedText(input.body, 'input.body', 1, 5000);
    const sessionId = optionalText(input.sessionId, 'input.sessionId', 200);
    return this.dataSource.transaction(async (manager) => {
      if (sessionId && !(await manager.existsBy(LearningSessionEntity, { id: sessionId }))) throw badInput('input.sessionId', `No learning session with id "${sessionId}".`);
      const authorName = await this.authorName(manager);
      const now = new Date();
      const threadId = randomUUID();
      await manager.insert(ForumThreadEntity, { id: threadId, sessionId, title, authorSubject: this.principal.subject, authorName, createdAt: now, isDemo: false });
      await manager.insert(ForumPostEntity, { id: randomUUID(), threadId, body, authorSubject: this.principal.subject, authorName, createdAt: now, isDemo: false });
      const created = toForumThread(await manager.findOneByOrFail(ForumThreadEntity, { id: threadId }));
      await recordAudit(manager, { actor: this.principal.subject, action: 'startForumThread', entity: 'forum_thread', entityId: threadId, after: { ...created, body } });
      return created;
    });
  }

  /** A network member posts to a thread. */
  async post(input: PostToForumInput): Promise<ForumPost> {
    requireRole(this.principal, NETWORK_ROLES, 'post to the forum');
    if (!isUuid(input.threadId)) throw badInput('input.threadId', `input.threadId must be a thread id (a UUID), got "${input.threadId}".`);
    const body = boundedText(input.body, 'input.body', 1, 5000);
    return this.dataSource.transaction(async (manager) => {
      // Share-lock the thread so it cannot disappear under the post.
      const thread = await manager.findOne(ForumThreadEntity, { where: { id: input.threadId }, lock: { mode: 'pessimistic_read' } });
      if (!thread) throw notFound('forum thread', input.threadId);
      const id = randomUUID();
      await manager.insert(ForumPostEntity, {
        id,
        threadId: thread.id,
        body,
        authorSubject: this.principal.subject,
        authorName: await this.authorName(manager),
        createdAt: new Date(),
        isDemo: false,
      });
      const post = toForumPost(await manager.findOneByOrFail(ForumPostEntity, { id }));
      await recordAudit(manager, { actor: this.principal.subject, action: 'postToForum', entity: 'forum_post', entityId: post.id, after: post });
      return post;
    });
  }

  /** The name the network knows the caller by: their directory entry, else their sign-in subject. */
  private async authorName(manager: EntityManager): Promise<string> {
    const entry = await manager.findOneBy(FocalPointEntity, { subject: this.principal.subject });
    return entry?.name ?? this.principal.subject;
  }
}
