import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphQLDataSource } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { ANONYMOUS, createLogger, type Principal } from '@wps/kit';
import { execute, GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { memberContractSchema } from '../../member-answer-check.js';
import type { MemberDirectory, MemberRecord, RegisteredStatus } from '../../member-directory.js';
import type { GatewayResponse as GatewayGraphQLResponse, ProcessOptions } from '../../member-transport.js';

export const silentLogger = createLogger('test', 'silent');

/** The committed NAP contract: what every member serves. */
export const NAP_CONTRACT_SDL = readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'subgraphs', 'nap', 'schema.graphql'), 'utf8');

/** The contract as the MemberRouter reads fetches and checks answers against it. */
export const NAP_CONTRACT = memberContractSchema(NAP_CONTRACT_SDL);

export interface Plan {
  countryCode: string;
  id: string;
  iteration: number;
  title: string;
}

/** One demo plan per country: "<code>-1", titled "<code> plan I". */
export const planOf = (countryCode: string): Plan => ({ countryCode, id: `${countryCode}-1`, iteration: 1, title: `${countryCode} plan I` });

/** A plan whose title fails to resolve, for errors with a path inside an entity. */
export const BROKEN_PLAN_ID = 'broken';

/**
 * The NAP contract as a real subgraph schema, serving one country's plans
 * from memory: Country.currentActionPlan / actionPlans, plan references, the
 * actionPlans root field and the createActionPlan mutation.
 */
export function napMemberSchema(countryCode: string): GraphQLSchema {
  const plans = [planOf(countryCode)];
  const title = (plan: Plan) => {
    if (plan.id === BROKEN_PLAN_ID) throw new GraphQLError('The title could not be read.', { extensions: { code: 'BAD_USER_INPUT' } });
    return plan.title;
  };
  return buildSubgraphSchema({
    typeDefs: parse(NAP_CONTRACT_SDL),
    resolvers: {
      Query: { actionPlans: (_: unknown, args: { countryCode: string }) => (args.countryCode === countryCode ? plans : null) },
      Mutation: {
        createActionPlan: (_: unknown, args: { countryCode: string; input: { iteration: number; title: string } }) => {
          const plan = { countryCode, id: `${countryCode}-${args.input.iteration}`, iteration: args.input.iteration, title: args.input.title };
          plans.push(plan);
          return plan;
        },
      },
      Country: {
        __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
        currentActionPlan: (country: { code: string }) => (country.code === countryCode ? plans.at(-1) : null),
        actionPlans: (country: { code: string }) => (country.code === countryCode ? plans : null),
      },
      NationalActionPlan: {
        __resolveReference: (reference: { countryCode: string; id: string }) =>
          reference.id === BROKEN_PLAN_ID ? { ...planOf(countryCode), id: BROKEN_PLAN_ID } : (plans.find((plan) => plan.id === reference.id) ?? null),
        title,
      },
    } as never,
  });
}

/** One request a member received. */
export interface MemberCall {
  query: string;
  variables: Record<string, unknown>;
  /** The parsed document handed to the member's data source, if any. */
  document: DocumentNode | undefined;
}

/**
 * An in-memory member: a GraphQLDataSource that records each request and
 * answers it with `answer` (by default, by executing it against the NAP
 * contract schema of its country).
 */
export class InMemoryMember implements GraphQLDataSource {
  readonly calls: MemberCall[] = [];

  constructor(
    readonly countryCode: string,
    private answer: (call: MemberCall) => Promise<GatewayGraphQLResponse>,
  ) {}

  /** Answer differently from now on (a member that fails, then recovers). */
  answerWith(answer: (call: MemberCall) => Promise<GatewayGraphQLResponse>): void {
    this.answer = answer;
  }

  async process(options: Parameters<GraphQLDataSource['process']>[0]): Promise<GatewayGraphQLResponse> {
    const call: MemberCall = {
      query: options.request.query!,
      variables: options.request.variables ?? {},
      document: 'document' in options ? options.document : undefined,
    };
    this.calls.push(call);
    return this.answer(call);
  }
}

/** Answers by executing each request against a schema, as a member's Apollo Server would. */
export function executeAgainst(schema: GraphQLSchema): (call: MemberCall) => Promise<GatewayGraphQLResponse> {
  return async (call) => {
    const result = await execute({ schema, document: parse(call.query), variableValues: call.variables });
    return { data: result.data as Record<string, unknown> | null | undefined, ...(result.errors ? { errors: result.errors.map((error) => error.toJSON()) } : {}) };
  };
}

/** A member executing each request against its country's NAP contract schema, as a real one would. */
export function executingMember(countryCode: string, schema = napMemberSchema(countryCode)): InMemoryMember {
  return new InMemoryMember(countryCode, executeAgainst(schema));
}

/** A member that throws `error` for every request (a transport failure). */
export function failingMember(countryCode: string, error: () => unknown): InMemoryMember {
  return new InMemoryMember(countryCode, async () => {
    throw error();
  });
}

/** A directory over a fixed set of members (country → status). */
export function directoryOf(statuses: Record<string, RegisteredStatus>): MemberDirectory & { endpointOf(country: string): string } {
  const endpointOf = (country: string) => `http://nap-${country.toLowerCase()}.test/graphql`;
  return {
    endpointOf,
    memberFor: (country): MemberRecord | undefined => (statuses[country] ? { countryCode: country, endpoint: endpointOf(country), status: statuses[country] } : undefined),
  };
}

/** A fetch as Apollo Gateway hands it to the member subgraph's data source, with its parsed document. */
export function fetchOf(query: string, variables: Record<string, unknown> = {}, principal: Principal = ANONYMOUS, document: DocumentNode = parse(query)): ProcessOptions {
  return {
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query, variables },
    document,
    incomingRequestContext: { context: { principal } } as never,
    context: {},
  };
}

/** A promise with its resolve, to hold a member's answer until the test lets it go. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
