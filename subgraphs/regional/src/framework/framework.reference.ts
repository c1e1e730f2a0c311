import type { RegionalContext } from '../context.js';
import type { RegionalFramework } from './framework.type.js';

/** `_entities` for RegionalFramework: by code, null for a code that names none. */
export async function resolveFrameworkReference(reference: Record<string, unknown>, context: RegionalContext): Promise<RegionalFramework | null> {
  return typeof reference.code === 'string' ? context.loaders.frameworkByCode.load(reference.code) : null;
}
