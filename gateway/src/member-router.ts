import type { GraphQLDataSource } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
// Not re-exported by the package index.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { ANONYMOUS, type Logger } from '@wps/kit';
import { memberFetchDocumentOf } from './document-rewriting.js';
import { routeEntities } from './entity-routing.js';
import type { GatewayContext } from './gateway-context.js';
import { DEFAULT_BREAKER, MemberCircuits, type BreakerSettings } from './member-circuit.js';
import type { MemberDirectory, MemberRecord } from './member-directory.js';
import { internalError } from './member-errors.js';
import type { MemberTokens } from './member-tokens.js';
import { MemberAnswerInvalidError, MemberFailure } from './member-failure.js';
import type { AnswerCheck, RouteContext } from './route-context.js';
import { DEFAULT_MEMBER_LIMITS, memberConnection, MemberTransport, type GatewayResponse, type MemberAnswer, type MemberConnect, type MemberLimits, type MemberRequest, type ProcessOptions } from './member-transport.js';
import { routeRootFields } from './root-field-routing.js';
import { SingleFlight } from './member-single-flight.js';
import { isWarmUp } from './plan-warm-up.js';

export interface MemberRouterOptions {
  directory: MemberDirectory;
  /** The member contract with federation's `_entities` (memberContractSchema): how fetches are read and answers checked. */
  contract: GraphQLSchema;
  /** Deadline of one request to one member. */
  timeoutMs: number;
  logger: Logger;
  /** The byte caps and address policy of the default connection (memberConnection; default DEFAULT_MEMBER_LIMITS: public addresses only). */
  limits?: MemberLimits;
  /** Mints the tokens members receive (member-tokens.ts); default none: members get no token. */
  memberTokens?: MemberTokens;
  /** How to reach a member endpoint; default an undici pool per member with the deadline, `limits` and `memberTokens` (memberConnection). */
  connect?: MemberConnect;
  /** Circuit breaker per member (default DEFAULT_BREAKER). */
  breaker?: BreakerSettings;
}

/**
 * The data source of the `nap` subgraph: one subgraph name in the supergraph,
 * N deployments, one per member state (ARCHITECTURE.md section 2). It reads
 * each fetch's document (document-rewriting.ts), routes `_entities` by the
 * country of each representation (entity-routing.ts) and root fields by their
 * `countryCode` (root-field-routing.ts), and asks each member through its
 * circuit breaker (member-circuit.ts) over its own data source
 * (member-transport.ts). Answers are checked (member-answer-check.ts) and
 * errors worded by the hub (member-errors.ts):
 *
 * - a country with no registered member: entities resolve to null without an
 *   error; root fields get MEMBER_NOT_REGISTERED.
 * - a registered member that fails (refused, HTTP error, garbage, timeout,
 *   quarantined, offline, open circuit): its part is null with one
 *   MEMBER_UNAVAILABLE error naming the country and the reason; everyone
 *   else's data is returned.
 * - a member whose answer breaks the rules (another country's data, the
 *   wrong shape, unasked fields, one of the hub's own error codes, an
 *   error message over 16 KiB): the same, with reason `invalid_response`;
 *   the answer is checked inside the member's circuit, so such answers
 *   count against it like any other failure of the member.
 */
export class MemberRouter implements GraphQLDataSource {
  private readonly transport: MemberTransport;
  private readonly circuits: MemberCircuits;
  private readonly flights = new SingleFlight<CheckedAnswer | MemberFailure>();

  constructor(private readonly options: MemberRouterOptions) {
    this.transport = new MemberTransport(options.connect ?? memberConnection(options.limits ?? DEFAULT_MEMBER_LIMITS, options.memberTokens), options.timeoutMs);
    this.circuits = new MemberCircuits(options.breaker ?? DEFAULT_BREAKER, options.logger);
  }

  async process(options: ProcessOptions): Promise<GatewayResponse> {
    // Health checks and schema loading are not fanned out: the contract comes from the supergraph.
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return { data: { __typename: 'Query' } };
    // A plan warmed at boot (plan-warm-up.ts) asks no member.
    if (isWarmUp(options)) return { data: null };
    const fetch = memberFetchDocumentOf(options, this.options.contract);
    if (!fetch) return { errors: [internalError('The hub sent a member fetch without an operation.')] };
    const context = options.incomingRequestContext.context as Partial<GatewayContext>;
    // Only a query's calls are shared (member-single-flight.ts); a mutation's, never.
    const shared = fetch.operation.operation === 'query';
    const route: RouteContext = {
      directory: this.options.directory,
      ask: (member, request, check) => (shared ? this.askShared(member, options, request, check, context.authorization) : this.ask(member, options, request, check)),
      principal: context.principal ?? ANONYMOUS,
      logger: this.options.logger,
    };
    const variables = options.request.variables ?? {};
    if (fetch.isEntityFetch) return routeEntities(route, fetch, variables);
    return routeRootFields(route, fetch, variables);
  }

  /**
   * A query's request to one member, shared with an identical one in flight:
   * same member (country and endpoint), same document and variables, same
   * caller's token or none (the member token is minted from it, per subject
   * and member, so the same token gives the same member token). The caller
   * whose call went out keeps what its check accepted; a caller that shared
   * it checks the same answer again for its own copy (the same document and
   * variables: the same verdict), so nothing one merges reaches another.
   */
  private async askShared<T>(member: MemberRecord, options: ProcessOptions, request: MemberRequest, check: AnswerCheck<T>, authorization: string | undefined): Promise<T | MemberFailure> {
    const rest = `${member.countryCode} ${member.endpoint} ${authorization ?? ''} ${JSON.stringify(request.variables)}`;
    const caller = {};
    const result = await this.flights.run(request.query, rest, () => this.call(member, options, request, check, caller));
    if (result instanceof MemberFailure) return result;
    if (result.caller === caller) return result.accepted as T;
    const verdict = check(result.answer);
    return 'accepted' in verdict ? verdict.accepted : new MemberFailure('invalid_response');
  }

  private async ask<T>(member: MemberRecord, options: ProcessOptions, request: MemberRequest, check: AnswerCheck<T>): Promise<T | MemberFailure> {
    const result = await this.call(member, options, request, check, {});
    return result instanceof MemberFailure ? result : (result.accepted as T);
  }

  /**
   * One request to one member: a quarantined or offline member is not asked;
   * any other goes through its breaker, and its answer is checked inside it,
   * so an answer the check refuses is a failure the breaker counts.
   */
  private call<T>(member: MemberRecord, options: ProcessOptions, request: MemberRequest, check: AnswerCheck<T>, caller: object): Promise<CheckedAnswer | MemberFailure> {
    if (member.status === 'QUARANTINED') return Promise.resolve(new MemberFailure('quarantined'));
    if (member.status === 'OFFLINE') return Promise.resolve(new MemberFailure('offline'));
    return this.circuits.run(member, async () => {
      const answer = await this.transport.send(member, options, request);
      const verdict = check(answer);
      if ('refused' in verdict) throw new MemberAnswerInvalidError(`breaks the contract in ${verdict.refused}`);
      return { answer, accepted: verdict.accepted, caller };
    });
  }
}

/** A member's answer and what the check of the caller whose call went out accepted of it. */
interface CheckedAnswer {
  answer: MemberAnswer;
  accepted: unknown;
  caller: object;
}
