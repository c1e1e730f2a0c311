import { ANONYMOUS, canSeeDraftsOf, type Principal } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { createLoaders, type NapLoaders } from './loaders.js';

/** Per-request state: which member this is, its database (for writes), and fresh DataLoaders. */
export interface NapContext {
  /** The member state this deployment serves (NAP_COUNTRY_CODE). */
  countryCode: string;
  /** The member's own database; writes open their transaction on it. */
  dataSource: DataSource;
  loaders: NapLoaders;
  /** Who is asking, from the bearer token alone (anonymous without one). */
  principal: Principal;
  /** The root field being resolved, for the audit log (set by the server's plugin). */
  rootField?: string;
}

export function createNapContext(dataSource: DataSource, countryCode: string, principal: Principal = ANONYMOUS): NapContext {
  // Drafts stay with the member: only its own focal points see them, through any door.
  const visibility = { drafts: canSeeDraftsOf(principal, countryCode) };
  return { countryCode, dataSource, principal, loaders: createLoaders(dataSource, countryCode, visibility) };
}
