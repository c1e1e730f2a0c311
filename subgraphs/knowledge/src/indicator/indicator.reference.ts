import type { Indicator } from './indicator.type.js';

/**
 * The gateway sends the key and the fields knowledge @requires (status,
 * title, the pillar of its outcome); nothing is stored here, the
 * representation is the indicator.
 */
export async function resolveIndicatorReference(reference: Record<string, unknown>): Promise<Indicator | null> {
  if (typeof reference.countryCode !== 'string' || typeof reference.id !== 'string') return null;
  return reference as unknown as Indicator;
}
