import type { NapContext } from '../context.js';
import { assertServes } from '../member/member-guard.js';
import type { Country } from '../country/country.type.js';

export async function resolveCountryReference(reference: Record<string, unknown>, context: NapContext): Promise<Country> {
  assertServes(context.countryCode, reference.code);
  return { code: context.countryCode };
}
