import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { ForwardingDataSource } from './forwarding-data-source.js';
import type { MemberRecord } from './member-directory.js';
import { NO_MEMBER_TOKENS, type MemberTokens } from './member-tokens.js';

export type ProcessOptions = GraphQLDataSourceProcessOptions<Record<string, unknown>>;
export type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
export type Variables = Record<string, unknown>;

/** One request to one member: a whole or a rewritten operation, with the variables it uses. */
export interface MemberRequest {
  query: string;
  variables: Variables;
  /** The parsed `query`, when there is one (no data source needs to parse it again). */
  document?: DocumentNode;
}

/** What a member answered, before any check. */
export interface MemberAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** How to reach a member endpoint. */
export type MemberConnect = (endpoint: string, timeoutMs: number, countryCode: string) => GraphQLDataSource;

/**
 * The default connection to a member: a RemoteGraphQLDataSource with the
 * deadline, sending a token minted for that member (its own focal points'
 * only, member-tokens.ts), never the caller's hub token.
 */
export const memberDataSource =
  (memberTokens: MemberTokens = NO_MEMBER_TOKENS): MemberConnect =>
  (endpoint, timeoutMs, countryCode) =>
    new ForwardingDataSource(endpoint, timeoutMs, { countryCode, memberTokens });

/**
 * The wire to the members: one data source per member (country and
 * endpoint), made on first use and kept, so connections and keep-alive are
 * reused. `send` throws whatever the data source throws; classifying it is
 * the circuit's job.
 */
export class MemberTransport {
  private readonly sources = new Map<string, GraphQLDataSource>();

  constructor(
    private readonly connect: MemberConnect,
    private readonly timeoutMs: number,
  ) {}

  send(member: MemberRecord, options: ProcessOptions, request: MemberRequest): Promise<MemberAnswer> {
    // RemoteGraphQLDataSource overwrites request.http: each member call gets its own copy.
    return this.sourceFor(member).process({
      ...options,
      request: { ...options.request, query: request.query, variables: request.variables, http: undefined },
      document: request.document,
    } as ProcessOptions);
  }

  private sourceFor(member: MemberRecord): GraphQLDataSource {
    const key = `${member.countryCode} ${member.endpoint}`;
    let source = this.sources.get(key);
    if (!source) {
      source = this.connect(member.endpoint, this.timeoutMs, member.countryCode);
      this.sources.set(key, source);
    }
    return source;
  }
}
