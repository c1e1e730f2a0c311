import type { Country } from './country.type.js';
import { isIsoAlpha2 } from './iso-countries.js';

/** Any ISO 3166-1 alpha-2 code resolves (other subgraphs may name states without a membership). */
export async function resolveCountryReference(reference: Record<string, unknown>): Promise<Country | null> {
  return typeof reference.code === 'string' && isIsoAlpha2(reference.code) ? { code: reference.code } : null;
}
