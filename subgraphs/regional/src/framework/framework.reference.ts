import type { RegionalContext } from '../context.js';
import { toFramework } from './framework.mapper.js';
import type { RegionalFramework } from './framework.type.js';

export async function resolveFrameworkReference(reference: Record<string, unknown>, context: RegionalContext): Promise<RegionalFramework | null> {
  if (typeof reference.code !== 'string') return null;
  const row = await context.loaders.frameworkByCode.load(reference.code);
  return row ? toFramework(row) : null;
}
