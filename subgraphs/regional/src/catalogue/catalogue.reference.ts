import type { RegionalContext } from '../context.js';
import type { FrameworkIndicator } from './framework-indicator.type.js';

/** `_entities` for FrameworkIndicator: by `frameworkCode code`, null for one the catalogue lacks. */
export async function resolveFrameworkIndicatorReference(reference: Record<string, unknown>, context: RegionalContext): Promise<FrameworkIndicator | null> {
  return typeof reference.frameworkCode === 'string' && typeof reference.code === 'string'
    ? context.loaders.frameworkIndicatorByKey.load(`${reference.frameworkCode}/${reference.code}`)
    : null;
}
