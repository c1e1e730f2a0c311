import type { Fetcher } from '@apollo/utils.fetcher';

/**
 * A fetcher with a deadline, for the hub's own subgraphs (members go
 * through member-transport.ts): RemoteGraphQLDataSource sets no timeout, so a
 * hanging subgraph would hold a query forever. A redirect is an error, never
 * followed. Node's fetch keeps connections alive.
 */
export function createDeadlineFetcher(timeoutMs: number): Fetcher {
  const fetcher = (url: string, init?: Record<string, unknown>) =>
    fetch(url, { ...(init as RequestInit), redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  return fetcher as unknown as Fetcher;
}
