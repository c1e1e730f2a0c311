import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  getNamedType,
  GraphQLList,
  GraphQLNonNull,
  isAbstractType,
  isEnumType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { capText } from './error-masking.js';
import type { MemberAnswer } from './member-transport.js';

/**
 * The prefix of the fields the hub adds to every member sub-request so it
 * can check the answer (document-rewriting.ts withCheckFields):
 * `__typename` and each key field of an entity type, aliased so they never
 * clash with a field the planner selected, and stripped from the answer
 * before it is merged.
 */
export const CHECK_ALIAS_PREFIX = '_hub_';
export const TYPENAME_ALIAS = `${CHECK_ALIAS_PREFIX}__typename`;

/** The member contract as a schema with federation's `_entities` and `_Entity`, for reading fetches and checking answers. */
export function memberContractSchema(sdl: string): GraphQLSchema {
  return buildSubgraphSchema(parse(sdl));
}

/** The flat key fields of an entity type, from its `@key` directives (the NAP contract has no nested keys). */
export function keyFieldsOf(type: GraphQLObjectType): readonly string[] {
  const fields = new Set<string>();
  for (const node of [type.astNode, ...(type.extensionASTNodes ?? [])]) {
    for (const directive of node?.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const argument = directive.arguments?.find((candidate) => candidate.name.value === 'fields');
      if (argument?.value.kind !== Kind.STRING || argument.value.value.includes('{')) continue;
      for (const name of argument.value.value.split(' ')) if (name && type.getFields()[name]) fields.add(name);
    }
  }
  return [...fields];
}

/** The field that names an entity's country: `countryCode` when it is a key field, a Country's `code` (as entity-routing.ts reads representations). */
export function countryFieldOf(type: GraphQLObjectType, keys: readonly string[]): string | undefined {
  if (keys.includes('countryCode')) return 'countryCode';
  if (type.name === 'Country' && keys.includes('code')) return 'code';
  return undefined;
}

/** What a value in an answer must be. */
type ValueShape =
  | { kind: 'list'; of: ValueShape }
  | { kind: 'leaf'; accepts: (value: unknown) => boolean; what: string }
  | { kind: 'object'; byType: ReadonlyMap<string, ObjectShape>; only?: string };

/** One selected field of an object. */
interface FieldShape {
  name: string;
  /** Added by the hub (CHECK_ALIAS_PREFIX): checked, then stripped. */
  added: boolean;
  /** Under @skip or @include: may be absent. */
  conditional: boolean;
  /** A `__typename` selection: its value must be the object's type. */
  typename: boolean;
  /** Its value must equal the representation's value of this key field, or the member's own country. */
  keyField: boolean;
  country: boolean;
  value: ValueShape;
}

/** The selection on one concrete type, by response key. */
interface ObjectShape {
  typeName: string;
  fields: ReadonlyMap<string, FieldShape>;
  required: readonly string[];
}

/** A fetch's answer shape: its root fields by response key (an entity fetch has the one `_entities`). */
export interface AnswerShape {
  root: ReadonlyMap<string, FieldShape>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** How a scalar of the contract is checked; a scalar it does not name (`_Any`) takes any JSON value. */
const SCALARS: Record<string, { accepts: (value: unknown) => boolean; what: string }> = {
  String: { accepts: (value) => typeof value === 'string', what: 'a string' },
  ID: { accepts: (value) => typeof value === 'string' || Number.isInteger(value), what: 'an ID' },
  Int: { accepts: (value) => Number.isInteger(value), what: 'an integer' },
  Float: { accepts: (value) => typeof value === 'number' && Number.isFinite(value), what: 'a number' },
  Boolean: { accepts: (value) => typeof value === 'boolean', what: 'a boolean' },
  DateTimeISO: { accepts: (value) => typeof value === 'string', what: 'a date-time string' },
  JSONObject: { accepts: isPlainObject, what: 'a JSON object' },
};
const ANY = { accepts: () => true, what: 'a value' };

/**
 * The shape an answer to `document` must have, compiled once per document:
 * for each selection set, the fields each possible concrete type must
 * carry (fragments and inline fragments applied by type condition, aliases
 * as response keys), with the scalar, enum, list or object each one is.
 */
export function compileAnswerShape(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): AnswerShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const rootType = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!rootType) return { root: new Map() };

  const applies = (condition: string | undefined, type: GraphQLObjectType) => {
    if (!condition || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };

  /** The fields selected on `type` by these selection sets, each with the selection sets below it. */
  const collect = (type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]) => {
    const fields = new Map<string, { node: FieldNode; below: SelectionSetNode[]; conditional: boolean }>();
    const visit = (selectionSet: SelectionSetNode, conditional: boolean, seen: Set<string>) => {
      for (const selection of selectionSet.selections) {
        const isConditional = conditional || (selection.directives ?? []).some((directive) => directive.name.value === 'skip' || directive.name.value === 'include');
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const entry = fields.get(key);
          if (entry) {
            if (selection.selectionSet) entry.below.push(selection.selectionSet);
            entry.conditional &&= isConditional;
          } else fields.set(key, { node: selection, below: selection.selectionSet ? [selection.selectionSet] : [], conditional: isConditional });
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (applies(selection.typeCondition?.name.value, type)) visit(selection.selectionSet, isConditional, seen);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (fragment && !seen.has(fragment.name.value) && applies(fragment.typeCondition.name.value, type)) {
            visit(fragment.selectionSet, isConditional, new Set([...seen, fragment.name.value]));
          }
        }
      }
    };
    for (const selectionSet of selectionSets) visit(selectionSet, false, new Set());
    return fields;
  };

  const objectShape = (type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): ObjectShape => {
    const keys = keyFieldsOf(type);
    const countryField = countryFieldOf(type, keys);
    const fields = new Map<string, FieldShape>();
    for (const [responseKey, { node, below, conditional }] of collect(type, selectionSets)) {
      const name = node.name.value;
      if (name === '__typename') {
        fields.set(responseKey, { name, added: responseKey.startsWith(CHECK_ALIAS_PREFIX), conditional, typename: true, keyField: false, country: false, value: { kind: 'leaf', ...SCALARS.String! } });
        continue;
      }
      const definition = type.getFields()[name];
      // The planner asks only for fields of the contract; a field it does not know is a hub bug, and no answer can satisfy it.
      if (!definition) throw new Error(`the member fetch selects ${type.name}.${name}, which the contract does not have`);
      fields.set(responseKey, {
        name,
        added: responseKey.startsWith(CHECK_ALIAS_PREFIX),
        conditional,
        typename: false,
        keyField: keys.includes(name),
        country: name === countryField,
        value: valueShape(definition.type, below),
      });
    }
    return {
      typeName: type.name,
      fields,
      required: [...fields].filter(([, field]) => !field.conditional).map(([key]) => key),
    };
  };

  const valueShape = (type: GraphQLOutputType, below: readonly SelectionSetNode[]): ValueShape => {
    if (isNonNullType(type)) return valueShape((type as GraphQLNonNull<GraphQLOutputType>).ofType, below);
    if (isListType(type)) return { kind: 'list', of: valueShape((type as GraphQLList<GraphQLOutputType>).ofType, below) };
    const named = getNamedType(type);
    if (isEnumType(named)) {
      const values = new Set(named.getValues().map((value) => value.name));
      return { kind: 'leaf', accepts: (value) => typeof value === 'string' && values.has(value), what: `a value of ${named.name}` };
    }
    if (isLeafType(named)) return { kind: 'leaf', ...(SCALARS[named.name] ?? ANY) };
    const composite = named as GraphQLCompositeType;
    const possible = isObjectType(composite) ? [composite] : schema.getPossibleTypes(composite);
    return { kind: 'object', byType: new Map(possible.map((concrete) => [concrete.name, objectShape(concrete, below)])), ...(isObjectType(composite) ? { only: composite.name } : {}) };
  };

  const root = objectShape(rootType, [operation.selectionSet]);
  return { root: root.fields };
}

const MAX_LOGGED_PATH = 200;
const MAX_LOGGED_BREACH = 400;

/** An answer that breaks the rules: the first offending path and what is wrong there (for the log; the client sees `invalid_response`). */
export class AnswerBreach {
  constructor(
    readonly path: readonly (string | number)[],
    readonly problem: string,
  ) {}

  /** Capped: the path's keys and a type name come from the member, which may make them as long as its answer. */
  get description(): string {
    return capText(`${capText(this.path.join('.'), MAX_LOGGED_PATH) || '(root)'}: ${this.problem}`, MAX_LOGGED_BREACH);
  }
}

/** What the objects of an answer must say of themselves: the member's own country, and for an entity its representation's type and keys. */
interface Expected {
  country: string;
  representation?: Record<string, unknown>;
}

/**
 * Checks one value against its shape and returns it without the hub's check
 * fields, in one walk: every value is visited once, and `path` is a stack
 * that becomes an array only when a breach is reported.
 */
class AnswerWalk {
  private readonly path: (string | number)[] = [];

  constructor(private readonly country: string) {}

  at(key: string | number): this {
    this.path.push(key);
    return this;
  }

  up(): void {
    this.path.pop();
  }

  breach(problem: string): never {
    throw new AnswerBreach([...this.path], problem);
  }

  value(shape: ValueShape, value: unknown, expected?: Expected): unknown {
    if (value === null) return null;
    if (shape.kind === 'leaf') {
      if (!shape.accepts(value)) this.breach(`expected ${shape.what}, got ${describe(value)}`);
      return value;
    }
    if (shape.kind === 'list') {
      if (!Array.isArray(value)) this.breach(`expected a list, got ${describe(value)}`);
      const out = new Array<unknown>(value.length);
      for (let index = 0; index < value.length; index += 1) {
        out[index] = this.at(index).value(shape.of, value[index]);
        this.up();
      }
      return out;
    }
    if (!isPlainObject(value)) this.breach(`expected an object, got ${describe(value)}`);
    // Asked only where the type is abstract: an object type's is the one possible.
    const typeName = shape.only ?? value[TYPENAME_ALIAS];
    if (typeof typeName !== 'string') this.breach('the object does not say its __typename');
    const object = shape.byType.get(typeName);
    if (!object) this.breach(`${typeName} is not a type that may stand here`);
    const representation = expected?.representation;
    if (representation && representation.__typename !== typeName) this.breach(`the entity is a ${typeName}, the representation a ${String(representation.__typename)}`);
    return this.object(object, value, representation);
  }

  private object(shape: ObjectShape, value: Record<string, unknown>, representation: Record<string, unknown> | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      const field = shape.fields.get(key);
      if (!field) return this.at(key).breach('the field was not asked for');
      const fieldValue = value[key];
      this.at(key);
      if (field.typename) {
        if (fieldValue !== shape.typeName) this.breach(`__typename is ${describe(fieldValue)}, the object says ${shape.typeName}`);
      } else if (field.keyField && representation && field.name in representation) {
        if (fieldValue !== representation[field.name]) this.breach(`the key field ${field.name} differs from the representation's`);
      } else if (field.country && fieldValue !== this.country) {
        this.breach(`${field.name} is ${describe(fieldValue)}: a member speaks only for its own country`);
      }
      const checked = this.value(field.value, fieldValue);
      this.up();
      if (!field.added) out[key] = checked;
    }
    for (const key of shape.required) if (value[key] === undefined) this.at(key).breach('the field is missing');
    return out;
  }
}

/** A short description of a value for the log: its type, never its text. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  return typeof value === 'string' ? `a string of ${value.length} characters` : typeof value;
}

/** An answer accepted for merging (without the hub's check fields), or the breach that refuses it. */
export type Checked<T> = { accepted: T } | { breach: AnswerBreach };

function attempt<T>(check: () => T): Checked<T> {
  try {
    return { accepted: check() };
  } catch (error) {
    if (error instanceof AnswerBreach) return { breach: error };
    throw error;
  }
}

/**
 * A member's answer to its part of an entity fetch: a list with exactly one
 * entry per representation it was sent, in order; each entry null or an
 * object of the representation's `__typename` whose key fields equal the
 * representation's (a member speaks only for its own country), of the
 * fetch's shape, with no field that was not asked for.
 */
export function checkEntityAnswer(shape: AnswerShape, answer: MemberAnswer, representations: readonly unknown[], country: string): Checked<unknown[]> {
  return attempt(() => {
    const walk = new AnswerWalk(country);
    if (!isPlainObject(answer.data)) return walk.breach('the answer has no data object');
    const field = shape.root.get('_entities');
    const entities = answer.data._entities;
    if (!field || field.value.kind !== 'list') return walk.breach('the fetch is not an entity fetch');
    for (const key in answer.data) if (key !== '_entities') walk.at(key).breach('the field was not asked for');
    walk.at('_entities');
    if (!Array.isArray(entities)) return walk.breach('the answer has no _entities list');
    if (entities.length !== representations.length) return walk.breach(`the answer has ${entities.length} entities for ${representations.length} representations`);
    const out = new Array<unknown>(entities.length);
    for (let index = 0; index < entities.length; index += 1) {
      const representation = representations[index];
      out[index] = walk.at(index).value(field.value.of, entities[index], { country, representation: isPlainObject(representation) ? representation : undefined });
      walk.up();
    }
    return out;
  });
}

/** A member's answer to its root fields: a data object with exactly the response keys it was asked (`keys`), each of its field's shape. */
export function checkRootAnswer(shape: AnswerShape, answer: MemberAnswer, keys: readonly string[], country: string): Checked<Record<string, unknown>> {
  return attempt(() => {
    const walk = new AnswerWalk(country);
    if (!isPlainObject(answer.data)) return walk.breach('the answer has no data object');
    const asked = new Set(keys);
    for (const key in answer.data) if (!asked.has(key)) walk.at(key).breach('the field was not asked for');
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const field = shape.root.get(key);
      if (!field) return walk.at(key).breach('the fetch has no such root field');
      out[key] = walk.at(key).value(field.value, answer.data[key] ?? null);
      walk.up();
    }
    return out;
  });
}
