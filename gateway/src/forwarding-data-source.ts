import { RemoteGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';
// Not re-exported by the package index.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { createDeadlineFetcher } from './deadline-fetcher.js';
import type { GatewayContext } from './gateway-context.js';
import { traceHeaders, type Principal } from '@wps/kit';

type ProcessOptions = Parameters<GraphQLDataSource['process']>[0];

/**
 * A data source for the hub's own subgraphs (regional, knowledge) that
 * forwards the caller's bearer token and the request's trace context
 * (`traceparent`, so the subgraph's logs and spans join the client's trace,
 * as a member's do), and nothing else of the client's request, with a
 * deadline. Members have their own (member-transport.ts). Each subgraph verifies the token
 * again: a member state trusts signatures, not the hub. `forwardsTokenOf`
 * narrows who the token is sent for (default: everyone).
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource {
  constructor(
    url: string,
    timeoutMs: number,
    private readonly forwardsTokenOf: (principal: Principal) => boolean = () => true,
  ) {
    super({ url, fetcher: createDeadlineFetcher(timeoutMs) });
  }

  override willSendRequest(options: ProcessOptions): void {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return;
    // Apollo Gateway sends with Node's fetch, which no instrumentation of ours patches: the context goes on here, in both tracing levels.
    for (const [name, value] of Object.entries(traceHeaders())) options.request.http?.headers.set(name, value);
    const { authorization, principal } = options.incomingRequestContext.context as Partial<GatewayContext>;
    if (authorization && principal && this.forwardsTokenOf(principal)) options.request.http?.headers.set('authorization', authorization);
  }
}
