import { isUuid, type ReferenceResolver } from '@wps/kit';
import type { NapContext } from '../context.js';
import { assertServes } from './member-guard.js';

/**
 * `__resolveReference` for an entity keyed by `countryCode id`: refuses
 * another country's representation, returns null for an id this member does
 * not have (or that is not a UUID), and loads through the request's
 * DataLoader, so `_entities` batches cost one statement per type and never
 * see more than the caller may (drafts only for those who may see them).
 */
export function entityReference<T>(load: (context: NapContext, id: string) => Promise<T | null>): ReferenceResolver<NapContext> {
  return async (reference, context) => {
    assertServes(context.countryCode, reference.countryCode);
    return isUuid(reference.id) ? load(context, reference.id) : null;
  };
}

/**
 * `__resolveReference` for an entity that is a question put to this member
 * (its key: the country and what is asked): refuses another country, and
 * null when a key field is missing.
 */
export function memberScoped(fields: readonly string[]): ReferenceResolver<NapContext> {
  return async (reference, context) => {
    assertServes(context.countryCode, reference.countryCode);
    return fields.every((field) => reference[field] !== undefined && reference[field] !== null) ? { ...reference } : null;
  };
}
