import type { KnowledgeContext } from '../context.js';
import type { LearningSession } from './session.type.js';

/** Sessions are public: any id resolves (null when unknown). */
export async function resolveSessionReference(reference: Record<string, unknown>, context: KnowledgeContext): Promise<LearningSession | null> {
  return typeof reference.id === 'string' ? context.loaders.sessionById.load(reference.id) : null;
}
