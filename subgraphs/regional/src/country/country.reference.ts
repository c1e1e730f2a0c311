import type { Country } from './country.type.js';
import { isIsoAlpha2 } from './iso-countries.js';

/**
 * Any ISO 3166-1 alpha-2 code resolves (other subgraphs may name states
 * without a membership). The member's plans the gateway sends for
 * Country.recordDisagreements (@requires) stay on the object.
 */
export async function resolveCountryReference(reference: Record<string, unknown>): Promise<Country | null> {
  if (typeof reference.code !== 'string' || !isIsoAlpha2(reference.code)) return null;
  return 'actionPlans' in reference ? ({ code: reference.code, actionPlans: reference.actionPlans } as Country) : { code: reference.code };
}
