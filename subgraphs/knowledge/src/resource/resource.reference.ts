import type { KnowledgeContext } from '../context.js';
import type { Resource } from './resource.type.js';

/** Resources are public: any id resolves (null when unknown). */
export async function resolveResourceReference(reference: Record<string, unknown>, context: KnowledgeContext): Promise<Resource | null> {
  return typeof reference.id === 'string' ? context.loaders.resourceById.load(reference.id) : null;
}
