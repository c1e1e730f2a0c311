import { isUuid, type ReferenceResolver } from '@wps/kit';
import type { NapContext } from '../context.js';
import { assertServes } from '../member/member-guard.js';

/** `_entities` for CivicStatement: the hub's statement, by `countryCode id`; this member answers for its own country only. */
export const resolveCivicStatementReference: ReferenceResolver<NapContext> = async (reference, context) => {
  assertServes(context.countryCode, reference.countryCode);
  return typeof reference.id === 'string' && isUuid(reference.id) ? { countryCode: reference.countryCode, id: reference.id } : null;
};
