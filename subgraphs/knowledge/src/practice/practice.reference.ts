import type { KnowledgeContext } from '../context.js';
import type { GoodPractice } from './practice.type.js';

export async function resolvePracticeReference(reference: Record<string, unknown>, context: KnowledgeContext): Promise<GoodPractice | null> {
  return typeof reference.id === 'string' ? context.loaders.practiceById.load(reference.id) : null;
}
