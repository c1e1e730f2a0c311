import { requireFocalPointOf } from '@wps/kit';
import type { NapContext } from '../context.js';
import { assertServes } from './member-guard.js';

/** Who a write is recorded as (measurement.recorded_by, published_by). */
export interface WriteActor {
  actor: string;
}

/**
 * The one place a member decides whether a write may happen: it must be
 * addressed to the country this member serves, by a FOCAL_POINT of that
 * country (from the token, verified by this member: it trusts signatures,
 * not the hub). The public gets UNAUTHENTICATED, anyone else FORBIDDEN.
 * Every service write takes its actor from this.
 */
export function authorizeWrite(context: NapContext, countryCode: string): WriteActor & { action: string } {
  assertServes(context.countryCode, countryCode);
  requireFocalPointOf(context.principal, countryCode, "write this member state's NAP data");
  return { actor: context.principal.subject, action: context.rootField ?? 'write' };
}
