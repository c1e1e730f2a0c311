import type { KnowledgeContext } from '../context.js';
import type { ForumThread } from './forum.type.js';
import { loadVisibleThread } from './visible-thread.js';

/** `_entities` is a second door: a members-only thread resolves to null for the public, as through `forumThread(id)`. */
export async function resolveForumThreadReference(reference: Record<string, unknown>, context: KnowledgeContext): Promise<ForumThread | null> {
  return typeof reference.id === 'string' ? loadVisibleThread(context, reference.id) : null;
}
