import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// Not re-exported by the package index.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { canSeeDraftsOf, ErrorCode, type Logger } from '@wps/kit';
import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import CircuitBreaker from 'opossum';
import { ForwardingDataSource } from './forwarding-data-source.js';
import type { GatewayContext } from './gateway-context.js';
import type { MemberDirectory, MemberRecord } from './member-registry.js';

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
type ProcessOptions = GraphQLDataSourceProcessOptions<Record<string, unknown>>;
type Variables = Record<string, unknown>;

export interface MemberRouterOptions {
  directory: MemberDirectory;
  /** Deadline of one request to one member. */
  timeoutMs: number;
  logger: Logger;
  /** How to reach a member endpoint; default a RemoteGraphQLDataSource with the deadline (memberDataSource). */
  connect?: (endpoint: string, timeoutMs: number, countryCode: string) => GraphQLDataSource;
  /** Circuit breaker per member: open after this share of failures (of at least `volume` calls in the window)… */
  breaker?: { errorPercentage: number; volume: number; windowMs: number; resetMs: number };
}

const DEFAULT_BREAKER = { errorPercentage: 50, volume: 4, windowMs: 10_000, resetMs: 10_000 };

/** Why a member's part of a fetch failed (shown to clients as `extensions.reason`; never a URL). */
type FailureReason = 'timeout' | 'unreachable' | 'http_error' | 'invalid_response' | 'quarantined' | 'offline' | 'circuit_open';

interface MemberAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

class MemberFailure {
  constructor(readonly reason: FailureReason) {}
}

/**
 * The data source of one member. The caller's token goes to a member only
 * when it gives rights there: its own focal points' (drafts, writes). Every
 * other caller reads public data, for which a member needs no token, so no
 * member state ever holds a token it could replay against another member.
 */
export const memberDataSource = (endpoint: string, timeoutMs: number, countryCode: string): GraphQLDataSource =>
  new ForwardingDataSource(endpoint, timeoutMs, (principal) => canSeeDraftsOf(principal, countryCode));

/**
 * The data source of the `nap` subgraph: one subgraph name in the supergraph,
 * N deployments, one per member state. It routes each piece of a fetch to the
 * member that owns it (ARCHITECTURE.md section 2):
 *
 * - `_entities`: representations are grouped by country, one request per
 *   member, in parallel; results go back in the original order (exactly one
 *   entry per representation) and error paths are re-indexed.
 * - root fields: split by their `countryCode` argument (literal or variable),
 *   one request per member, data merged by response key.
 * - a country with no registered member: entities resolve to null without an
 *   error; root fields get MEMBER_NOT_REGISTERED.
 * - a registered member that fails (refused, HTTP error, garbage, timeout,
 *   quarantined, offline): its part is null with one MEMBER_UNAVAILABLE error
 *   naming the country; everyone else's data is returned.
 */
export class MemberRouter implements GraphQLDataSource {
  private readonly sources = new Map<string, GraphQLDataSource>();
  private readonly breakers = new Map<string, CircuitBreaker<[() => Promise<MemberAnswer>], MemberAnswer>>();

  constructor(private readonly options: MemberRouterOptions) {}

  async process(options: ProcessOptions): Promise<GatewayResponse> {
    // Health checks and schema loading are not fanned out: the contract comes from the supergraph.
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return { data: { __typename: 'Query' } };
    const document = options.document ?? parse(options.request.query ?? '');
    const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    if (!operation) return { errors: [internalError('The hub sent a member fetch without an operation.')] };
    const fragments = fragmentMap(document);
    const rootFields = collectFields(operation.selectionSet, fragments);
    if (rootFields.length === 1 && rootFields[0]!.name.value === '_entities') return this.routeEntities(options);
    return this.routeRootFields(options, document, operation, rootFields);
  }

  private async routeEntities(options: ProcessOptions): Promise<GatewayResponse> {
    const variables: Variables = options.request.variables ?? {};
    const representations = variables.representations;
    if (!Array.isArray(representations)) return { errors: [internalError('An entity fetch came without representations.')] };

    const results: unknown[] = representations.map(() => null);
    const errors: GraphQLFormattedError[] = [];
    const groups = new Map<string, number[]>();
    representations.forEach((representation: unknown, index) => {
      const country = countryOfRepresentation(representation);
      if (country === undefined) {
        errors.push(internalError('An entity of the NAP contract was asked for without a country code.', ['_entities', index]));
        return;
      }
      const group = groups.get(country);
      if (group) group.push(index);
      else groups.set(country, [index]);
    });

    await Promise.all(
      [...groups].map(async ([country, indices]) => {
        const member = this.options.directory.memberFor(country);
        if (!member) return; // Not connected is a status, not an error.
        const firstPath = ['_entities', indices[0]!];
        const answer = await this.ask(member, options, {
          query: options.request.query!,
          variables: { ...variables, representations: indices.map((index) => representations[index]) },
        });
        if (answer instanceof MemberFailure) {
          errors.push(memberUnavailable(country, answer.reason, firstPath));
          return;
        }
        const entities = answer.data?._entities;
        if (!Array.isArray(entities) || entities.length !== indices.length) {
          this.options.logger.warn(`member ${country} answered an entity fetch without ${indices.length} entities`, {
            errors: answer.errors?.map((error) => error.message),
          });
          errors.push(memberUnavailable(country, 'invalid_response', firstPath));
          return;
        }
        entities.forEach((entity: unknown, local) => {
          results[indices[local]!] = entity ?? null;
        });
        for (const error of answer.errors ?? []) errors.push(tagError(error, country, (path) => reindexEntityPath(path, indices)));
      }),
    );
    return { data: { _entities: results }, ...(errors.length > 0 ? { errors: sortByPath(errors) } : {}) };
  }

  private async routeRootFields(
    options: ProcessOptions,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    rootFields: FieldNode[],
  ): Promise<GatewayResponse> {
    const variables: Variables = options.request.variables ?? {};
    const data: Record<string, unknown> = {};
    const errors: GraphQLFormattedError[] = [];
    const groups = new Map<string, FieldNode[]>();
    for (const field of rootFields) {
      const key = responseKey(field);
      if (field.name.value === '__typename') {
        data[key] = rootTypeName(operation);
        continue;
      }
      const country = countryArgument(field, variables);
      if (country === undefined) {
        data[key] = null;
        errors.push({
          message: `${field.name.value} must name a countryCode: the hub routes it to that member state only.`,
          path: [key],
          extensions: { code: ErrorCode.BAD_USER_INPUT, field: 'countryCode' },
        });
        continue;
      }
      const group = groups.get(country);
      if (group) group.push(field);
      else groups.set(country, [field]);
    }

    const runGroup = async (country: string, fields: FieldNode[]) => {
      const keys = fields.map(responseKey);
      const fail = (error: (key: string) => GraphQLFormattedError) => {
        for (const key of keys) {
          data[key] = null;
          errors.push(error(key));
        }
      };
      const member = this.options.directory.memberFor(country);
      if (!member) {
        fail((key) => ({
          message: `${country} has no NAP subgraph registered with the hub.`,
          path: [key],
          extensions: { code: ErrorCode.MEMBER_NOT_REGISTERED, country },
        }));
        return;
      }
      // A write to a member goes with its caller's token, so only that member's own focal point's writes are sent;
      // any other signed-in caller is refused here (the public's are sent without a token, and the member refuses them).
      const principal = options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION ? (options.incomingRequestContext.context as Partial<GatewayContext>).principal : undefined;
      if (operation.operation === 'mutation' && principal && !principal.anonymous && !canSeeDraftsOf(principal, country)) {
        fail((key) => ({ message: `Only a focal point of ${country} may write ${country}'s data.`, path: [key], extensions: { code: ErrorCode.FORBIDDEN, country } }));
        return;
      }
      const { query, variables: used } = subOperation(document, operation, fields, variables);
      const answer = await this.ask(member, options, { query, variables: used });
      if (answer instanceof MemberFailure || !answer.data || typeof answer.data !== 'object') {
        const reason = answer instanceof MemberFailure ? answer.reason : 'invalid_response';
        fail((key) => memberUnavailable(country, reason, [key]));
        return;
      }
      for (const key of keys) data[key] = answer.data[key] ?? null;
      // Each response key comes from exactly one member, so paths need no offset.
      for (const error of answer.errors ?? []) errors.push(tagError(error, country, (path) => path));
    };

    if (operation.operation === 'mutation') {
      // Mutations keep their order and are never retried.
      for (const [country, fields] of groups) await runGroup(country, fields);
    } else {
      await Promise.all([...groups].map(([country, fields]) => runGroup(country, fields)));
    }
    return { data, ...(errors.length > 0 ? { errors: sortByPath(errors) } : {}) };
  }

  /** Send one request to one member; any failure becomes a MemberFailure with a reason (never a URL). */
  private async ask(member: MemberRecord, options: ProcessOptions, request: { query: string; variables: Variables }): Promise<MemberAnswer | MemberFailure> {
    if (member.status === 'QUARANTINED') return new MemberFailure('quarantined');
    if (member.status === 'OFFLINE') return new MemberFailure('offline');
    try {
      // RemoteGraphQLDataSource overwrites request.http: each member call gets its own copy.
      const call = () =>
        this.sourceFor(member).process({
          ...options,
          request: { ...options.request, query: request.query, variables: request.variables, http: undefined },
          document: undefined,
        } as ProcessOptions);
      // No retries, for queries or mutations: a failure is reported, and an open circuit fails fast.
      return await this.breakerFor(member).fire(call);
    } catch (error) {
      const reason = classifyFailure(error);
      this.options.logger.warn(`member ${member.countryCode} failed: ${reason}`, { error: error instanceof Error ? error.message : String(error) });
      return new MemberFailure(reason);
    }
  }

  /** One breaker per member endpoint: after repeated failures, its country fails fast until a trial call succeeds. */
  private breakerFor(member: MemberRecord): CircuitBreaker<[() => Promise<MemberAnswer>], MemberAnswer> {
    let breaker = this.breakers.get(member.endpoint);
    if (!breaker) {
      const settings = this.options.breaker ?? DEFAULT_BREAKER;
      breaker = new CircuitBreaker((call: () => Promise<MemberAnswer>) => call(), {
        timeout: false, // the fetcher has the deadline
        errorThresholdPercentage: settings.errorPercentage,
        volumeThreshold: settings.volume,
        rollingCountTimeout: settings.windowMs,
        resetTimeout: settings.resetMs,
      });
      breaker.on('open', () => this.options.logger.warn(`circuit to member ${member.countryCode} opened: failing fast for ${settings.resetMs} ms`));
      breaker.on('close', () => this.options.logger.info(`circuit to member ${member.countryCode} closed again`));
      this.breakers.set(member.endpoint, breaker);
    }
    return breaker;
  }

  private sourceFor(member: MemberRecord): GraphQLDataSource {
    const key = `${member.countryCode} ${member.endpoint}`;
    let source = this.sources.get(key);
    if (!source) {
      source = (this.options.connect ?? memberDataSource)(member.endpoint, this.options.timeoutMs, member.countryCode);
      this.sources.set(key, source);
    }
    return source;
  }
}

/** The country a representation belongs to: its `countryCode`, or a Country's `code`. */
export function countryOfRepresentation(representation: unknown): string | undefined {
  if (!representation || typeof representation !== 'object') return undefined;
  const record = representation as Record<string, unknown>;
  if (typeof record.countryCode === 'string') return record.countryCode;
  if (record.__typename === 'Country' && typeof record.code === 'string') return record.code;
  return undefined;
}

function countryArgument(field: FieldNode, variables: Variables): string | undefined {
  const argument = field.arguments?.find((candidate) => candidate.name.value === 'countryCode');
  if (!argument) return undefined;
  if (argument.value.kind === Kind.STRING) return argument.value.value;
  if (argument.value.kind === Kind.VARIABLE) {
    const value = variables[argument.value.name.value];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

function rootTypeName(operation: OperationDefinitionNode): string {
  return operation.operation === 'mutation' ? 'Mutation' : operation.operation === 'subscription' ? 'Subscription' : 'Query';
}

function fragmentMap(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

/** Root fields of a selection set, looking through inline fragments and spreads. */
function collectFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...collectFields(selection.selectionSet, fragments));
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) fields.push(...collectFields(fragment.selectionSet, fragments));
    }
  }
  return fields;
}

/**
 * The operation restricted to some root fields, with only the variables and
 * fragments they use (a subgraph rejects unused ones).
 */
function subOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  fields: FieldNode[],
  variables: Variables,
): { query: string; variables: Variables } {
  const fragments = fragmentMap(document);
  const usedFragments = new Set<string>();
  const usedVariables = new Set<string>();
  const pending: { selectionSet: SelectionSetNode }[] = [{ selectionSet: { kind: Kind.SELECTION_SET, selections: fields } }];
  while (pending.length > 0) {
    visit(pending.pop()!.selectionSet, {
      Variable: (node) => {
        usedVariables.add(node.name.value);
      },
      FragmentSpread: (node) => {
        const name = node.name.value;
        const fragment = fragments.get(name);
        if (!usedFragments.has(name) && fragment) {
          usedFragments.add(name);
          pending.push(fragment);
        }
      },
    });
  }
  const restricted: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: operation.variableDefinitions?.filter((definition) => usedVariables.has(definition.variable.name.value)),
    selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
  };
  const query = print({
    kind: Kind.DOCUMENT,
    definitions: [restricted, ...[...usedFragments].map((name) => fragments.get(name)!)],
  });
  return { query, variables: Object.fromEntries(Object.entries(variables).filter(([name]) => usedVariables.has(name))) };
}

function reindexEntityPath(path: readonly (string | number)[], indices: number[]): readonly (string | number)[] {
  if (path[0] === '_entities' && typeof path[1] === 'number' && indices[path[1]] !== undefined) {
    return ['_entities', indices[path[1]]!, ...path.slice(2)];
  }
  return path;
}

function tagError(
  error: GraphQLFormattedError,
  country: string,
  mapPath: (path: readonly (string | number)[]) => readonly (string | number)[],
): GraphQLFormattedError {
  return {
    message: error.message,
    ...(error.path ? { path: mapPath(error.path) } : {}),
    extensions: { ...error.extensions, country },
  };
}

function memberUnavailable(country: string, reason: FailureReason, path: (string | number)[]): GraphQLFormattedError {
  const why: Record<FailureReason, string> = {
    timeout: 'did not answer in time',
    unreachable: 'could not be reached',
    http_error: 'answered with an HTTP error',
    invalid_response: 'answered with an invalid response',
    quarantined: 'is quarantined (it serves a different NAP contract)',
    offline: 'is offline',
    circuit_open: 'failed repeatedly and is not asked for a while',
  };
  return {
    message: `The NAP subgraph of ${country} ${why[reason]}; its data is missing from this response.`,
    path,
    extensions: { code: ErrorCode.MEMBER_UNAVAILABLE, country, reason },
  };
}

function internalError(message: string, path?: (string | number)[]): GraphQLFormattedError {
  return { message, ...(path ? { path } : {}), extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function classifyFailure(error: unknown): FailureReason {
  if (error instanceof Error) {
    if ((error as { code?: string }).code === 'EOPENBREAKER') return 'circuit_open';
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timeout';
    if (/^\d{3}: /.test(error.message)) return 'http_error';
    if (error.message === 'fetch failed' || 'code' in error) return 'unreachable';
  }
  return 'invalid_response';
}

/** Deterministic error order: by response path, whatever order members answered in. */
function sortByPath(errors: GraphQLFormattedError[]): GraphQLFormattedError[] {
  const key = (error: GraphQLFormattedError) => (error.path ?? []).map((part) => (typeof part === 'number' ? String(part).padStart(8, '0') : part)).join('/');
  return [...errors].sort((a, b) => key(a).localeCompare(key(b)));
}
