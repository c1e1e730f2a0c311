import type { KnowledgeContext } from '../context.js';
import { visiblePractice } from './practice.service.js';
import type { GoodPractice } from './practice.type.js';

/** `_entities` is a second door: a proposal the caller may not see resolves to null, as through `goodPractice(id)`. */
export async function resolvePracticeReference(reference: Record<string, unknown>, context: KnowledgeContext): Promise<GoodPractice | null> {
  if (typeof reference.id !== 'string') return null;
  return visiblePractice(context.principal, await context.loaders.practiceById.load(reference.id));
}
