import {
  getNamedType,
  isCompositeType,
  isObjectType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { CHECK_ALIAS_PREFIX, compileAnswerShape, countryFieldOf, keyFieldsOf, TYPENAME_ALIAS, type AnswerShape } from './member-answer-check.js';
import type { MemberRequest, Variables } from './member-transport.js';

const aliasedField = (alias: string, name: string): FieldNode => ({ kind: Kind.FIELD, alias: { kind: Kind.NAME, value: alias }, name: { kind: Kind.NAME, value: name } });

/**
 * The document with the hub's check fields (aliased with CHECK_ALIAS_PREFIX)
 * added below the root, only where the check needs them, since the member
 * resolves each one for every object:
 *
 * - `__typename` on every union or interface (an object type's is known);
 * - the country field (`countryCode`, a Country's `code`) on every entity
 *   type, unless the selection already asks for it;
 * - every key field on the entities of `_entities` (compared with the
 *   representation's), unless the selection already asks for it.
 */
export function withCheckFields(document: DocumentNode, schema: GraphQLSchema): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet: {
        leave(node, _key, parent, _path, ancestors) {
          if (parent && !Array.isArray(parent) && (parent as ASTNode).kind === Kind.OPERATION_DEFINITION) return undefined;
          const type = getNamedType(typeInfo.getParentType() ?? undefined);
          if (!type || !isCompositeType(type)) return undefined;
          const added: SelectionNode[] = [];
          if (!isObjectType(type)) added.push(aliasedField(TYPENAME_ALIAS, '__typename'));
          else {
            const asked = new Set(node.selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : '')));
            const keys = keyFieldsOf(type);
            const country = countryFieldOf(type, keys);
            const entityOfFetch = isEntityOfFetch(parent, ancestors);
            for (const name of keys) if ((name === country || entityOfFetch) && !asked.has(name)) added.push(aliasedField(CHECK_ALIAS_PREFIX + name, name));
          }
          return added.length > 0 ? { ...node, selections: [...node.selections, ...added] } : undefined;
        },
      },
    }),
  );
}

/** True for the selection set of an inline fragment directly under the `_entities` root field (`_entities { ... on T { here } }`). */
function isEntityOfFetch(parent: unknown, ancestors: readonly unknown[]): boolean {
  if (!parent || Array.isArray(parent) || (parent as ASTNode).kind !== Kind.INLINE_FRAGMENT) return false;
  const field = ancestors[ancestors.length - 3] as ASTNode | undefined;
  return field?.kind === Kind.FIELD && field.name.value === '_entities';
}

/**
 * The document of one fetch of the member subgraph, read once: its
 * operation, its root fields (through inline fragments and spreads), and
 * the sub-operations cut from it. Kept per DocumentNode, which the gateway
 * hands over from its query-plan cache (`exposeDocumentNodeInFetchNode`),
 * so a query that is planned once is read once.
 */
export class MemberFetchDocument {
  readonly rootFields: readonly FieldNode[];
  /** The fetch with the hub's check fields (withCheckFields): what the members are sent. */
  readonly document: DocumentNode;
  /** What a member's answer to it must look like. */
  readonly shape: AnswerShape;
  private printedQuery: string | undefined;
  /** True when the fetch is a single `_entities` field: it goes to the members as it is. */
  readonly isEntityFetch: boolean;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly uses = new Map<FieldNode, { variables: Set<string>; fragments: Set<string> }>();
  private readonly subOperations = new Map<string, SubOperation>();

  readonly operation: OperationDefinitionNode;

  constructor(planned: DocumentNode, schema: GraphQLSchema) {
    const document = withCheckFields(planned, schema);
    this.document = document;
    this.operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
    this.shape = compileAnswerShape(schema, document, this.operation);
    const operation = this.operation;
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    this.rootFields = collectFields(operation.selectionSet, this.fragments);
    this.isEntityFetch = this.rootFields.length === 1 && this.rootFields[0]!.name.value === '_entities';
  }

  /** The whole document with its check fields, printed once (an entity fetch goes to each member as it is). */
  get query(): string {
    this.printedQuery ??= print(this.document);
    return this.printedQuery;
  }

  get isMutation(): boolean {
    return this.operation.operation === 'mutation';
  }

  /**
   * The operation restricted to some of its root fields, with only the
   * variables and fragments they use (a subgraph rejects unused ones).
   * Printed once per set of fields.
   */
  subOperation(fields: readonly FieldNode[]): SubOperation {
    const key = fields.map((field) => this.rootFields.indexOf(field)).join(',');
    const cached = this.subOperations.get(key);
    if (cached) return cached;
    const variables = new Set<string>();
    const fragments = new Set<string>();
    for (const field of fields) {
      const uses = this.usesOf(field);
      for (const name of uses.variables) variables.add(name);
      for (const name of uses.fragments) fragments.add(name);
    }
    const restricted: OperationDefinitionNode = {
      ...this.operation,
      variableDefinitions: this.operation.variableDefinitions?.filter((definition) => variables.has(definition.variable.name.value)),
      selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
    };
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [restricted, ...[...fragments].map((name) => this.fragments.get(name)!)] };
    const subOperation = new SubOperation(print(document), document, [...variables]);
    // Bounded: the sets of fields a document is split into depend on the variables of each request.
    if (this.subOperations.size < MAX_SUB_OPERATIONS_PER_DOCUMENT) this.subOperations.set(key, subOperation);
    return subOperation;
  }

  /** The variables and fragments a root field uses, through the fragments it spreads. */
  private usesOf(field: FieldNode) {
    let uses = this.uses.get(field);
    if (uses) return uses;
    uses = { variables: new Set<string>(), fragments: new Set<string>() };
    const found = uses;
    const pending: ASTNode[] = [field];
    while (pending.length > 0) {
      visit(pending.pop()!, {
        Variable: (node) => {
          found.variables.add(node.name.value);
        },
        FragmentSpread: (node) => {
          const fragment = this.fragments.get(node.name.value);
          if (fragment && !found.fragments.has(node.name.value)) {
            found.fragments.add(node.name.value);
            pending.push(fragment);
          }
        },
      });
    }
    this.uses.set(field, uses);
    return uses;
  }
}

const MAX_SUB_OPERATIONS_PER_DOCUMENT = 64;

/** A printed sub-operation and the names of the variables it declares. */
export class SubOperation {
  constructor(
    readonly query: string,
    readonly document: DocumentNode,
    private readonly variableNames: readonly string[],
  ) {}

  /** The request for one member: this operation with only the variables it declares. */
  requestWith(variables: Variables): MemberRequest {
    const used: Variables = {};
    for (const name of this.variableNames) if (name in variables) used[name] = variables[name];
    return { query: this.query, variables: used, document: this.document };
  }
}

const documentsBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, MemberFetchDocument | null>>();

/**
 * The fetch document of a member-subgraph fetch, read against the member
 * contract `schema`: the gateway's parsed document when it hands one over
 * (read once and kept with it), else the query parsed here. Undefined when
 * it holds no operation.
 */
export function memberFetchDocumentOf(options: { request: { query?: string }; document?: DocumentNode }, schema: GraphQLSchema): MemberFetchDocument | undefined {
  const document = options.document ?? parse(options.request.query ?? '');
  let documents = documentsBySchema.get(schema);
  if (!documents) documentsBySchema.set(schema, (documents = new WeakMap()));
  let fetch = documents.get(document);
  if (fetch === undefined) {
    const hasOperation = document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    fetch = hasOperation ? new MemberFetchDocument(document, schema) : null;
    documents.set(document, fetch);
  }
  return fetch ?? undefined;
}

/** The key a root field's value has in the response (its alias, else its name). */
export function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

/** The `__typename` of an operation's root. */
export function rootTypeName(operation: OperationDefinitionNode): string {
  return operation.operation === 'mutation' ? 'Mutation' : operation.operation === 'subscription' ? 'Subscription' : 'Query';
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
