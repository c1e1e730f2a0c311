import type { ForumPostEntity } from './forum-post.entity.js';
import type { ForumThreadEntity } from './forum-thread.entity.js';
import type { ForumPost, ForumThread } from './forum.type.js';

export function toForumThread(row: ForumThreadEntity): ForumThread {
  return { id: row.id, title: row.title, createdAt: row.createdAt, isDemo: row.isDemo, sessionId: row.sessionId, authorRef: row.authorRef };
}

export function toForumPost(row: ForumPostEntity): ForumPost {
  return { id: row.id, body: row.body, postedAt: row.createdAt, isDemo: row.isDemo, threadId: row.threadId, authorRef: row.authorRef };
}
