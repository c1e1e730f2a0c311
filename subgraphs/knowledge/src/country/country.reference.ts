import type { Country } from './country.type.js';

export async function resolveCountryReference(reference: Record<string, unknown>): Promise<Country | null> {
  return typeof reference.code === 'string' ? { code: reference.code } : null;
}
