import type { Fetcher } from '@apollo/utils.fetcher';

/**
 * A fetcher with a deadline: RemoteGraphQLDataSource sets no timeout, so a
 * hanging subgraph would hold a query forever. Node's fetch keeps connections alive.
 */
export function createDeadlineFetcher(timeoutMs: number): Fetcher {
  const fetcher = (url: string, init?: Record<string, unknown>) =>
    fetch(url, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) });
  return fetcher as unknown as Fetcher;
}
