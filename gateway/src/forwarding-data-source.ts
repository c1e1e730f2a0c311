import { RemoteGraphQLDataSource, type GraphQLDataSource } from '@apollo/gateway';
// Not re-exported by the package index.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { createDeadlineFetcher } from './deadline-fetcher.js';
import type { GatewayContext } from './gateway-context.js';
import type { MemberTokens } from './member-tokens.js';

type ProcessOptions = Parameters<GraphQLDataSource['process']>[0];

/** Whose token a data source sends: the hub's own subgraphs get the caller's hub token; a member gets one minted for it. */
export interface MemberTarget {
  countryCode: string;
  memberTokens: MemberTokens;
}

/**
 * A data source that sends a bearer token, and nothing else of the client's
 * request, with a deadline. Each subgraph verifies the token again. The
 * hub's own subgraphs (regional, knowledge) receive the caller's hub token;
 * a member state never does: it receives a token the identity provider
 * minted for its audience alone (member-tokens.ts), or none.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource {
  constructor(
    url: string,
    timeoutMs: number,
    private readonly member?: MemberTarget,
  ) {
    super({ url, fetcher: createDeadlineFetcher(timeoutMs) });
  }

  override async willSendRequest(options: ProcessOptions): Promise<void> {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return;
    const { authorization, principal } = options.incomingRequestContext.context as Partial<GatewayContext>;
    if (!authorization || !principal) return;
    const sent = this.member ? await this.member.memberTokens.tokenFor(principal, authorization, this.member.countryCode) : authorization;
    if (sent) options.request.http?.headers.set('authorization', sent);
  }
}
