import { metricsRegistry } from '@wps/kit';
import client from 'prom-client';

export const memberCallsShared = new client.Counter({
  name: 'hub_member_calls_shared_total',
  help: 'Member calls not sent because an identical call (same member, document, variables and token) was in flight; the caller shared its answer',
  registers: [metricsRegistry],
});

/**
 * Single flight of identical member calls: while a call is in flight,
 * another with the same key waits for it and shares its result instead of
 * asking the member again (two dashboards opening the same framework page at
 * once make one call per member, not two). Only for queries: a mutation is
 * never shared (the caller keys only reads).
 *
 * The key is in two parts so it stays cheap: the document's printed string,
 * which is one string per planned fetch (document-rewriting.ts prints it
 * once, so its hash is computed once), and a short string of the member,
 * the token and the variables. The result is shared as it is: each caller
 * checks it and gets its own copy (member-answer-check.ts builds the
 * accepted answer anew and never writes to the member's), so nothing a
 * caller merges or rewrites reaches another.
 */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Map<string, Promise<T>>>();

  /** The result of `call`, or of the identical call already in flight. */
  run(document: string, rest: string, call: () => Promise<T>): Promise<T> {
    let calls = this.inFlight.get(document);
    const running = calls?.get(rest);
    if (running) {
      memberCallsShared.inc();
      return running;
    }
    if (!calls) this.inFlight.set(document, (calls = new Map()));
    const own = calls;
    const promise = call().finally(() => {
      own.delete(rest);
      if (own.size === 0 && this.inFlight.get(document) === own) this.inFlight.delete(document);
    });
    own.set(rest, promise);
    return promise;
  }

  /** Calls in flight now (for tests). */
  get size(): number {
    let size = 0;
    for (const calls of this.inFlight.values()) size += calls.size;
    return size;
  }
}
