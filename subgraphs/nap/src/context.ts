import { ANONYMOUS, canSeeDraftsOf, type Principal } from '@wps/kit';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AskedFields } from './common/selection.js';
import { createLoaders, type NapLoaders } from './loaders.js';
import { FOCAL_POINT_CLAIM_SETTING, signFocalPointClaim, type DraftKey } from './member/draft-claim.js';

/** Per-request state: which member this is, how it reaches its database, who asks, and fresh DataLoaders. */
export interface NapContext {
  /** The member state this deployment serves (NAP_COUNTRY_CODE). */
  countryCode: string;
  /**
   * The database as this request may see it: for the public, the pool (a
   * connection per statement, drafts invisible); for the member's own focal
   * points, one connection of the request's own, taken on first use, whose
   * session shows drafts. Reads and writes of the request both go through it.
   */
  session(): Promise<EntityManager>;
  loaders: NapLoaders;
  /** What the request's document asks of each type, once Apollo Server has parsed it (the loaders read what is asked). */
  asked: AskedFields;
  /** Who is asking, from the bearer token alone (anonymous without one). */
  principal: Principal;
  /** The root field being resolved, for the audit log (set by the server's plugin). */
  rootField?: string;
  /** Give back what the request holds (its own connection, if it took one); called when the response is sent. */
  release(): Promise<void>;
}

/**
 * The context of one request. Drafts stay with the member: only its own
 * focal points see them, through any door. Their requests read and write on
 * one connection whose session carries a claim signed for that connection
 * with the member database's draft key (member/draft-claim.ts), which
 * row-level security requires to show a draft or allow a write; everyone
 * else reads through the pool, where drafts are invisible to the database
 * role the service runs as, and nothing can be written. Without the key
 * (`draftKey` undefined) no claim is made: the database refuses.
 *
 * A focal point's request never holds more than that one connection, and
 * takes it only when it first touches the database: a request that held one
 * connection while waiting for a second could, with every pooled connection
 * held that way, wait for ever (until the pool's connect timeout).
 */
export async function createNapContext(dataSource: DataSource, countryCode: string, principal: Principal = ANONYMOUS, draftKey?: DraftKey): Promise<NapContext> {
  const visibility = { drafts: canSeeDraftsOf(principal, countryCode) };
  const asked = new AskedFields();
  const fieldsAsked = (typeName: string) => asked.of(typeName);
  if (!visibility.drafts) {
    const session = async () => dataSource.manager;
    return { countryCode, principal, session, asked, loaders: createLoaders(session, countryCode, visibility, fieldsAsked), release: async () => undefined };
  }
  let runner: Promise<QueryRunner> | undefined;
  let released = false;
  const session = async (): Promise<EntityManager> => {
    if (released) throw new Error('the request has already released its database session');
    runner ??= (async () => {
      const opened = dataSource.createQueryRunner();
      try {
        await opened.connect();
        oneStatementAtATime(opened);
        // The backend's pid, known from the connection's start: the claim is good on this connection only.
        const pid = (opened as QueryRunner & { databaseConnection?: { processID?: number } }).databaseConnection?.processID;
        const claim = draftKey && typeof pid === 'number' ? signFocalPointClaim(draftKey, pid) : '';
        await opened.query(`SELECT set_config('${FOCAL_POINT_CLAIM_SETTING}', $1, false)`, [claim]);
        return opened;
      } catch (error) {
        await opened.release();
        throw error;
      }
    })();
    return (await runner).manager;
  };
  return {
    countryCode,
    principal,
    session,
    asked,
    loaders: createLoaders(session, countryCode, visibility, fieldsAsked),
    async release() {
      if (released) return;
      released = true;
      if (!runner) return;
      const opened = await runner.catch(() => undefined);
      if (!opened) return;
      try {
        await opened.query(`SELECT set_config('${FOCAL_POINT_CLAIM_SETTING}', '', false)`);
      } finally {
        await opened.release();
      }
    },
  };
}

/**
 * Send the statements of a request's own connection one after the other,
 * in the order they were asked. The request's loaders start their
 * statements at once (beside each other on the pool, where each takes a
 * connection of its own); on one connection, pg would queue them itself,
 * which it deprecates (pg@9 refuses a query while one is running). The
 * order is kept, so a statement sent inside a transaction stays inside it.
 */
function oneStatementAtATime(runner: QueryRunner): void {
  const send = runner.query.bind(runner);
  let previous: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = previous.then(() => send(...args));
    previous = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
}
