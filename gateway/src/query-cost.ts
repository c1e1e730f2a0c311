import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type FragmentDefinitionNode,
  type ObjectTypeDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
} from 'graphql';

/**
 * How long a list is assumed to be: a fixed number of items, or so many per
 * registered member (a list of member states, or one row per member).
 */
export type ListSize = { items: number } | { perMember: number };

/**
 * Each object a member must resolve from a representation (an entity the
 * hub sends to a member: a country's plan, a progress row) costs this much
 * on top of its fields: its key fields are produced by one subgraph, sent,
 * looked up in the member's database, answered, checked and merged.
 */
export const MEMBER_ENTITY_WEIGHT = 10;

/**
 * Assumed list sizes, by `Type.field`, for lists whose length the schema
 * does not bound. Lists of member states (or rows per member) that are not
 * named here are as long as the registry; other lists get the default size.
 */
export const DEFAULT_LIST_SIZES: Readonly<Record<string, ListSize>> = {
  // One row per member and indicator of a pillar.
  'PillarProgress.rows': { perMember: 10 },
  'Query.members': { perMember: 1 },
  'GoodPractice.countries': { items: 3 },
  'Resource.countries': { items: 3 },
  // Frameworks and their catalogues (the official AU CRF is larger than the demo's 10).
  'Query.frameworks': { items: 4 },
  'Query.frameworkIndicators': { items: 40 },
  'RegionalFramework.indicators': { items: 40 },
  'RegionalFramework.pillarProgress': { items: 4 },
  'PillarProgress.indicators': { items: 10 },
  'Country.memberships': { items: 3 },
  // A member's plans (the NAP contract).
  'Query.actionPlans': { items: 5 },
  'Country.actionPlans': { items: 5 },
  'NationalActionPlan.indicators': { items: 50 },
  'NationalActionPlan.outcomes': { items: 10 },
  'Outcome.indicators': { items: 5 },
  'Outcome.outputs': { items: 5 },
  'Output.indicators': { items: 5 },
  'Output.activities': { items: 10 },
  'Indicator.measurements': { items: 10 },
  'Indicator.alignments': { items: 3 },
  'Measurement.history': { items: 5 },
  'NationalActionPlan.budgetLines': { items: 50 },
  'NationalActionPlan.partners': { items: 20 },
  'NationalActionPlan.reports': { items: 10 },
  'NationalActionPlan.documents': { items: 5 },
  'CountryIndicatorProgress.indicators': { items: 3 },
  'Query.auditLog': { items: 500 },
  // The knowledge exchange.
  'KnowledgeSearchConnection.edges': { items: 50 },
  'Query.goodPractices': { items: 100 },
  'Query.resources': { items: 100 },
  'Query.learningSessions': { items: 100 },
  'Query.forumThreads': { items: 50 },
  'Query.focalPoints': { items: 200 },
  'ForumThread.posts': { items: 50 },
  'Indicator.relatedPractices': { items: 5 },
  'NationalActionPlan.weakSpotPractices': { items: 10 },
  'NationalActionPlan.weakSpots': { items: 5 },
  'PlanWeakSpot.practices': { items: 3 },
  // The public record of every NAP (regional reference data).
  'PublicNapRecord.iterations': { items: 5 },
  'AuRecordStatus.changes': { items: 3 },
  'PublicRecordCheck.differences': { items: 4 },
  'Country.recordDisagreements': { items: 5 },
};

export interface QueryCostOptions {
  /** The supergraph the gateway serves (its join directives say which subgraph resolves what). */
  supergraphSdl: string;
  /** The subgraph fanned out to the members (`nap`). */
  memberSubgraph: string;
  /** Size of a list not in the table whose items are not per member. */
  defaultListSize: number;
  /**
   * Fewest states a list of member states is assumed to hold, however few
   * are registered: the regional subgraph lists every member of a framework
   * (connected or not), and the largest, the AU, has 55.
   */
  memberListFloor: number;
  /** Overrides of DEFAULT_LIST_SIZES, by `Type.field`. */
  listSizes?: Readonly<Record<string, ListSize>>;
}

interface FieldFacts {
  namedType: string;
  isList: boolean;
  /** Resolved by the member subgraph alone. */
  memberOnly: boolean;
  /** Resolved by another subgraph and returning entities the members resolve: what crosses into a member. */
  crossesIntoMembers: boolean;
  /** Fields the gateway fetches for this one (`@requires`), as a selection on the same type. */
  requires?: SelectionSetNode;
}

interface Estimate {
  cost: number;
  /** The selection reaches data only the members resolve. */
  reachesMembers: boolean;
}

const directivesNamed = (directives: readonly ConstDirectiveNode[] | undefined, name: string) => (directives ?? []).filter((directive) => directive.name.value === name);

function argumentOf(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  if (value?.kind === Kind.STRING || value?.kind === Kind.ENUM) return value.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

function unwrap(type: TypeNode): { namedType: string; isList: boolean } {
  let isList = false;
  let current = type;
  while (current.kind !== Kind.NAMED_TYPE) {
    if (current.kind === Kind.LIST_TYPE) isList = true;
    current = current.type;
  }
  return { namedType: current.name.value, isList };
}

/** The `join__Graph` value of a subgraph name (`nap` → `NAP`); undefined when the supergraph has no such subgraph. */
function graphValueOf(document: DocumentNode, subgraph: string): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      if (directivesNamed(value.directives, 'join__graph').some((directive) => argumentOf(directive, 'name') === subgraph)) return value.name.value;
    }
  }
  return undefined;
}

/**
 * The fan-out cost of a query: an estimate of the values the hub and its
 * members produce for it, computed from the document alone, before any
 * subgraph is asked.
 *
 * - Every field selected counts 1 for each time it is resolved: once per
 *   item of each list above it. A list of leaves counts as one value.
 * - A list of member states, or of rows per member, is as long as the
 *   registry is (`members` at the time of the request, and at least
 *   `memberListFloor`), times the table's factor; other lists get their
 *   size from the table, or the default.
 * - Each object that crosses into a member (a representation the hub sends
 *   to one: a country's plans, a progress row's status) costs
 *   MEMBER_ENTITY_WEIGHT more, and so does each root field a member answers.
 * - Fields the gateway fetches for a selected field (`@requires`, such as
 *   the rows behind a summary) count as if they were selected.
 * - Aliases, repeated fields, fragments and every branch of `@skip` /
 *   `@include` and of abstract types count: the estimate is an upper bound.
 *
 * Fragments are estimated once per document, so the work is linear in the
 * document's size.
 */
export class QueryCostModel {
  private readonly fields = new Map<string, FieldFacts>();
  private readonly listSizes: Record<string, ListSize>;

  constructor(private readonly options: QueryCostOptions) {
    const document = parse(options.supergraphSdl);
    // A supergraph without the member subgraph has no member data: its lists get the table's or the default size.
    const member = graphValueOf(document, options.memberSubgraph);
    const objects = document.definitions.filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION);
    const graphsOf = (type: ObjectTypeDefinitionNode) => directivesNamed(type.directives, 'join__type').map((directive) => String(argumentOf(directive, 'graph')));
    const memberEntities = new Set(
      objects
        .filter((type) => directivesNamed(type.directives, 'join__type').some((directive) => argumentOf(directive, 'graph') === member && argumentOf(directive, 'key') !== undefined && argumentOf(directive, 'resolvable') !== false))
        .map((type) => type.name.value),
    );
    for (const type of objects) {
      for (const field of type.fields ?? []) this.fields.set(`${type.name.value}.${field.name.value}`, this.factsOf(field, graphsOf(type), member, memberEntities));
    }
    this.listSizes = { ...DEFAULT_LIST_SIZES, ...options.listSizes };
    // The built-in table is for the hub's own supergraph; the overrides must name list fields of this one.
    for (const [coordinate, size] of Object.entries(options.listSizes ?? {})) {
      const facts = this.fields.get(coordinate);
      if (!facts?.isList) throw new Error(`${coordinate} is not a list field of the supergraph`);
      const value = 'items' in size ? size.items : size.perMember;
      if (!Number.isFinite(value) || value < 0) throw new Error(`the list size of ${coordinate} must be a number of at least 0`);
    }
  }

  private factsOf(field: FieldDefinitionNode, typeGraphs: string[], member: string | undefined, memberEntities: Set<string>): FieldFacts {
    const joins = directivesNamed(field.directives, 'join__field').filter((directive) => argumentOf(directive, 'graph') !== undefined);
    const resolving = joins.filter((directive) => argumentOf(directive, 'external') !== true);
    const owners = new Set(joins.length > 0 ? resolving.map((directive) => String(argumentOf(directive, 'graph'))) : typeGraphs);
    const required = resolving.map((directive) => argumentOf(directive, 'requires')).find((value): value is string => typeof value === 'string');
    const { namedType, isList } = unwrap(field.type);
    const memberOnly = member !== undefined && owners.size === 1 && owners.has(member);
    return {
      namedType,
      isList,
      memberOnly,
      crossesIntoMembers: member !== undefined && !owners.has(member) && memberEntities.has(namedType),
      requires: required ? (parse(`{ ${required} }`).definitions[0] as OperationDefinitionNode).selectionSet : undefined,
    };
  }

  /** The assumed length of a list field, for a registry of `members` members. */
  listSize(coordinate: string, members: number): number {
    const size = this.listSizes[coordinate] ?? (this.fields.get(coordinate)?.crossesIntoMembers ? { perMember: 1 } : { items: this.options.defaultListSize });
    return 'items' in size ? size.items : size.perMember * Math.max(members, this.options.memberListFloor);
  }

  /**
   * The cost of one operation of a document (the only one, or the one named)
   * for a registry of `members` members.
   */
  estimate(document: DocumentNode, members: number, operationName?: string | null): number {
    const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
    if (!operation) return 0;
    return this.estimateOperation(document, operation, members);
  }

  /** The cost of `operation`, whose fragments are in `document`. */
  estimateOperation(document: DocumentNode, operation: OperationDefinitionNode, members: number): number {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const rootType = operation.operation === 'query' ? 'Query' : operation.operation === 'mutation' ? 'Mutation' : 'Subscription';
    return new Estimator(this, fragments, Math.max(members, 1)).selection(operation.selectionSet, rootType, true).cost;
  }

  /** What the supergraph says about `Type.field`; undefined for meta fields (`__typename`) and unknown ones. */
  factsFor(coordinate: string): FieldFacts | undefined {
    return this.fields.get(coordinate);
  }
}

/** One estimate: fragments memoised by name (their type condition fixes their type). */
class Estimator {
  private readonly memo = new Map<string, Estimate>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly model: QueryCostModel,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly members: number,
  ) {}

  selection(selectionSet: SelectionSetNode, typeName: string, isRoot = false): Estimate {
    let cost = 0;
    let reachesMembers = false;
    const add = (estimate: Estimate) => {
      cost += estimate.cost;
      reachesMembers ||= estimate.reachesMembers;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        add(this.field(selection.name.value, selection.selectionSet, typeName, isRoot));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(this.selection(selection.selectionSet, selection.typeCondition?.name.value ?? typeName, isRoot));
      } else {
        add(this.fragment(selection.name.value, isRoot));
      }
    }
    return { cost, reachesMembers };
  }

  private fragment(name: string, isRoot: boolean): Estimate {
    const known = this.memo.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // Unknown or cyclic fragments do not pass validation; count nothing rather than loop.
    if (!fragment || this.visiting.has(name)) return { cost: 0, reachesMembers: false };
    this.visiting.add(name);
    const estimate = this.selection(fragment.selectionSet, fragment.typeCondition.name.value, isRoot);
    this.visiting.delete(name);
    this.memo.set(name, estimate);
    return estimate;
  }

  private field(name: string, selectionSet: SelectionSetNode | undefined, typeName: string, isRoot: boolean): Estimate {
    const coordinate = `${typeName}.${name}`;
    const facts = this.model.factsFor(coordinate);
    // Meta fields (`__typename`, introspection) are one value; their subtrees are the static limits' business.
    if (!facts) return { cost: 1, reachesMembers: false };
    const rootAnsweredByMember = isRoot && facts.memberOnly ? MEMBER_ENTITY_WEIGHT : 0;
    const child = selectionSet ? this.selection(selectionSet, facts.namedType) : { cost: 0, reachesMembers: false };
    // Required fields are fetched for each parent, beside this field.
    const required = facts.requires ? this.selection(facts.requires, typeName) : { cost: 0, reachesMembers: false };
    return this.combine(facts, coordinate, child, rootAnsweredByMember + required.cost, required.reachesMembers);
  }

  private combine(facts: FieldFacts, coordinate: string, child: Estimate, extra: number, extraReachesMembers: boolean): Estimate {
    const reachesMembers = facts.memberOnly || child.reachesMembers || extraReachesMembers;
    // A leaf, or a list of leaves, is one value.
    if (child.cost === 0) return { cost: 1 + extra, reachesMembers };
    const items = facts.isList ? this.model.listSize(coordinate, this.members) : 1;
    const perItem = child.cost + (facts.crossesIntoMembers && child.reachesMembers ? MEMBER_ENTITY_WEIGHT : 0);
    return { cost: 1 + extra + items * perItem, reachesMembers };
  }
}
