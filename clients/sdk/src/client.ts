import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';

export interface HubClientOptions {
  /** The hub's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A bearer token; without one the hub answers with public data. */
  token?: string;
  /** Per-request timeout in milliseconds (default 30 s). */
  timeoutMs?: number;
}

/** A GraphQL result: the hub returns partial data with errors (one member down does not null the rest). */
export interface HubResult<TData> {
  data: TData | null;
  errors: GraphQLFormattedError[];
  /** HTTP status of the response. */
  status: number;
}

export interface HubClient {
  /** Run a typed operation; never throws on GraphQL errors (read `errors`), throws on network failure. */
  execute<TData, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TData, TVariables>, variables?: TVariables): Promise<HubResult<TData>>;
}

export function createHubClient(options: HubClientOptions): HubClient {
  return {
    async execute(document, variables) {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const body = (await response.json()) as { data?: unknown; errors?: GraphQLFormattedError[] };
      return { data: (body.data ?? null) as never, errors: body.errors ?? [], status: response.status };
    },
  };
}
