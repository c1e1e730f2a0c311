import type { KnowledgeContext } from '../context.js';
import { visibleThread } from './forum.service.js';
import type { ForumThread } from './forum.type.js';

/** `_entities` is a second door: a members-only thread resolves to null for the public, as through `forumThread(id)`. */
export async function resolveForumThreadReference(reference: Record<string, unknown>, context: KnowledgeContext): Promise<ForumThread | null> {
  return typeof reference.id === 'string' ? visibleThread(context.principal, context.loaders, reference.id) : null;
}
