import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { ApolloServer } from '@apollo/server';
import { ANONYMOUS, errorMessage, metricsRegistry, type Logger } from '@wps/kit';
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  print,
  typeFromAST,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import client from 'prom-client';
import type { GatewayContext } from './gateway-context.js';

/** The typed client's operations (clients/sdk/src/operations), beside the gateway's package. */
export const DEFAULT_WARM_UP_OPERATIONS = path.resolve(__dirname, '..', '..', 'clients', 'sdk', 'src', 'operations');

export const queryPlansBuilt = new client.Counter({
  name: 'hub_query_plans_built_total',
  help: 'Query plans the gateway built (a plan taken from its cache is not counted); the SDK operations are planned at boot',
  registers: [metricsRegistry],
});

/** One operation to plan at boot, as a client sends it. */
export interface WarmUpOperation {
  name: string;
  query: string;
  /** Its parsed operation (for placeholder variables). */
  operation: OperationDefinitionNode;
}

/**
 * The operations of `.graphql` files (a file, or every file of a folder),
 * each printed as the typed client sends it: the operation and the
 * fragments it uses, printed by graphql-js (the SDK sends `print(document)`
 * of its generated documents). The gateway's plan cache is keyed by the
 * hash of the query text, so a plan warmed for this text serves the client.
 */
export function readWarmUpOperations(location: string): WarmUpOperation[] {
  if (!existsSync(location)) return [];
  const files = statSync(location).isDirectory()
    ? readdirSync(location)
        .filter((name) => name.endsWith('.graphql'))
        .sort()
        .map((name) => path.join(location, name))
    : [location];
  const definitions: DefinitionNode[] = files.flatMap((file) => parse(readFileSync(file, 'utf8'), { noLocation: true }).definitions);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION && definition.name !== undefined)
    .map((operation) => ({
      name: operation.name!.value,
      query: print({ kind: Kind.DOCUMENT, definitions: [operation, ...usedFragments(operation, fragments)] }),
      operation,
    }));
}

/**
 * Values for an operation's required variables, of their types (0, "",
 * false, an enum's first value, an input object's required fields): the
 * gateway checks variables before it plans, and a plan does not depend on
 * them. Nothing is executed with them (the warm-up fetches nothing).
 */
export function placeholderVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (type && isNonNullType(type) && !definition.defaultValue) variables[definition.variable.name.value] = placeholderOf(type);
  }
  return variables;
}

function placeholderOf(type: GraphQLInputType): unknown {
  const named = getNullableType(type);
  if (isListType(named)) return [];
  if (isEnumType(named)) return named.getValues()[0]?.value ?? null;
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) if (isNonNullType(field.type) && field.defaultValue === undefined) value[field.name] = placeholderOf(field.type);
    return value;
  }
  switch (named.name) {
    case 'Int':
    case 'Float':
      return 0;
    case 'Boolean':
      return false;
    default:
      return '';
  }
}

/** The fragments an operation spreads, through the fragments they spread, in the order first met. */
function usedFragments(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used: FragmentDefinitionNode[] = [];
  const seen = new Set<string>();
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  while (pending.length > 0) {
    visit(pending.shift()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (!fragment || seen.has(node.name.value)) return;
        seen.add(node.name.value);
        used.push(fragment);
        pending.push(fragment);
      },
    });
  }
  return used;
}

/** The context of a warm-up execution: the data sources answer it without asking any subgraph or member. */
export interface WarmUpContext extends GatewayContext {
  warmUp: true;
}

/** True for a fetch of a warm-up execution (plan only: nothing is sent). */
export function isWarmUp(options: Pick<GraphQLDataSourceProcessOptions, 'kind'> & { incomingRequestContext?: { context?: unknown } }): boolean {
  return (options.incomingRequestContext?.context as Partial<WarmUpContext> | undefined)?.warmUp === true;
}

/**
 * Plans the operations at boot (the server starts it without waiting for it): each runs once through the server
 * (executeOperation: parsed, validated, planned, its plan cached), with a
 * context whose fetches the data sources answer with nothing, so no
 * subgraph or member is asked and nothing is written. A client's first
 * request of these operations then finds its parsed document and its plan
 * in the caches (hub_query_plans_built_total does not move).
 */
export async function warmUpPlans(apollo: ApolloServer<GatewayContext>, schema: GraphQLSchema, operations: readonly WarmUpOperation[], logger: Logger, stopping: () => boolean = () => false): Promise<number> {
  let planned = 0;
  for (const operation of operations) {
    if (stopping()) break;
    try {
      const response = await apollo.executeOperation({ query: operation.query, variables: placeholderVariables(schema, operation.operation) }, { contextValue: { principal: ANONYMOUS, warmUp: true } as WarmUpContext });
      // Without data, it stopped before execution (parsing, validation, a limit): nothing was planned.
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      if (result && result.data === undefined) logger.warn(`could not plan ${operation.name} at boot: ${result.errors?.[0]?.message ?? 'no data'}`);
      else planned += 1;
    } catch (error) {
      logger.warn(`could not plan ${operation.name} at boot`, { error: errorMessage(error) });
    }
  }
  return planned;
}

/**
 * For ApolloGateway's `experimental_didResolveQueryPlan`: counts each plan
 * the first time it is seen (the plan cache hands out the same object).
 */
export function countBuiltPlans(): (options: { queryPlan: object }) => void {
  const seen = new WeakSet<object>();
  return ({ queryPlan }) => {
    if (seen.has(queryPlan)) return;
    seen.add(queryPlan);
    queryPlansBuilt.inc();
  };
}
