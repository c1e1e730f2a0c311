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
