import type { KnowledgeContext } from '../context.js';
import type { ForumThread } from './forum.type.js';

/** The thread if the caller may read it; null (as if it did not exist) otherwise. */
export async function loadVisibleThread(context: KnowledgeContext, id: string): Promise<ForumThread | null> {
  const thread = await context.loaders.threadById.load(id);
  if (!thread) return null;
  const session = thread.sessionId ? await context.loaders.sessionById.load(thread.sessionId) : null;
  return context.forum.canSee(session) ? thread : null;
}
