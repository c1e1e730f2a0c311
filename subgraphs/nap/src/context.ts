import { ANONYMOUS, canSeeDraftsOf, type Principal } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { createLoaders, type NapLoaders } from './loaders.js';

/** Per-request state: which member this is, its database (for writes), who asks, and fresh DataLoaders. */
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
  /** Give back what the request holds (its own connection, for drafts); called when the response is sent. */
  release(): Promise<void>;
}

/**
 * The context of one request. Drafts stay with the member: only its own
 * focal points see them, through any door. Their reads run on a connection
 * of their own whose session says `wps.drafts = on`, which row-level
 * security requires to show a draft; everyone else reads through the pool,
 * where drafts are invisible to the database role the service runs as.
 */
export async function createNapContext(dataSource: DataSource, countryCode: string, principal: Principal = ANONYMOUS): Promise<NapContext> {
  const visibility = { drafts: canSeeDraftsOf(principal, countryCode) };
  if (!visibility.drafts) {
    return { countryCode, dataSource, principal, loaders: createLoaders(dataSource.manager, countryCode, visibility), release: async () => undefined };
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.query(`SELECT set_config('wps.drafts', 'on', false)`);
  let released = false;
  return {
    countryCode,
    dataSource,
    principal,
    loaders: createLoaders(runner.manager, countryCode, visibility),
    async release() {
      if (released) return;
      released = true;
      try {
        await runner.query(`SELECT set_config('wps.drafts', '', false)`);
      } finally {
        await runner.release();
      }
    },
  };
}
