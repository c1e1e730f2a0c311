import { RemoteGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';
// Not re-exported by the package index.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { createDeadlineFetcher } from './deadline-fetcher.js';
import type { GatewayContext } from './gateway-context.js';

type ProcessOptions = Parameters<GraphQLDataSource['process']>[0];

/**
 * A data source that forwards the caller's bearer token, and nothing else
 * of the client's request, with a deadline. Each subgraph verifies the token
 * again: a member state trusts signatures, not the hub.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource {
  constructor(url: string, timeoutMs: number) {
    super({ url, fetcher: createDeadlineFetcher(timeoutMs) });
  }

  override willSendRequest(options: ProcessOptions): void {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return;
    const authorization = (options.incomingRequestContext.context as Partial<GatewayContext>).authorization;
    if (authorization) options.request.http?.headers.set('authorization', authorization);
  }
}
