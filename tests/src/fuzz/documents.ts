import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { fuzzString } from './strings.js';

/** A value as the generator holds it: an enum value prints bare in a document and as a string in JSON. */
export type FuzzValue = { enum: string } | string | number | boolean | null | FuzzValue[] | { [key: string]: FuzzValue };

interface Argument {
  name: string;
  value: FuzzValue;
  /** Sent as a variable of this declared type instead of inline. */
  variableType?: string;
}

type Selection =
  | { kind: 'field'; name: string; alias?: string; args: Argument[]; directive?: string; selections?: Selection[] }
  | { kind: 'inline'; on: string; selections: Selection[] };

export interface GeneratedDocument {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

export interface DocumentOptions {
  /** Longest string inside a document or its variables. */
  longStringMax: number;
}

const COUNTRY_CODES = ['KE', 'NG', 'SE', 'GH', 'ZZ', 'ke', 'K', 'KEN', ''];

/** `arbitrary` once in `every` draws, otherwise undefined. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const isEnumValue = (value: FuzzValue): value is { enum: string } => typeof value === 'object' && value !== null && !Array.isArray(value) && 'enum' in value && Object.keys(value).length === 1;

/** The value as a GraphQL literal. */
export function printLiteral(value: FuzzValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(printLiteral).join(', ')}]`;
  if (isEnumValue(value)) return value.enum;
  return `{ ${Object.entries(value).map(([key, inner]) => `${key}: ${printLiteral(inner)}`).join(', ')} }`;
}

/** The value as JSON for the variables object. */
export function toJson(value: FuzzValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (isEnumValue(value)) return value.enum;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJson(inner)]));
}

/**
 * Arbitraries of GraphQL documents over a schema, from graphql-js's type
 * information: mostly valid (fields, arguments and variables of the right
 * types, aliases, fragments, directives), with near-valid and hostile
 * values mixed in (wrong types, out-of-range numbers, unknown enum values,
 * unicode and huge strings) and, from `nearValidDocument`, text-level damage.
 */
export class DocumentArbitraries {
  private readonly selections = new Map<string, fc.Arbitrary<Selection[]>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: DocumentOptions,
  ) {}

  /** Any value at all, of no particular type: what a careless or hostile client sends. */
  wrongValue(): fc.Arbitrary<FuzzValue> {
    return fc.oneof(
      fuzzString(this.options.longStringMax),
      fc.integer(),
      fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -0, 0.5),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom<FuzzValue>({ enum: 'NOT_A_VALUE' }, [], [null], { nested: { deeper: [1, 'two'] } }, { __proto__x: 'x' }),
    );
  }

  /** A value for an input type: of that type nine times in ten. */
  value(type: GraphQLInputType, argumentName: string, depth = 0): fc.Arbitrary<FuzzValue> {
    return fc.oneof({ weight: 24, arbitrary: this.typedValue(type, argumentName, depth) }, { weight: 1, arbitrary: this.wrongValue() });
  }

  private typedValue(type: GraphQLInputType, argumentName: string, depth: number): fc.Arbitrary<FuzzValue> {
    if (isNonNullType(type)) return this.typedValue(type.ofType, argumentName, depth);
    const nullable = (arbitrary: fc.Arbitrary<FuzzValue>) => fc.oneof({ weight: 9, arbitrary }, { weight: 1, arbitrary: fc.constant(null) });
    if (isListType(type)) {
      return nullable(depth > 3 ? fc.constant([]) : fc.array(this.value(type.ofType as GraphQLInputType, argumentName, depth + 1), { maxLength: 4 }));
    }
    if (isEnumType(type)) return nullable(fc.constantFrom(...type.getValues().map((value) => ({ enum: value.name }))));
    if (isInputObjectType(type)) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(type.getFields());
      const entries = fields.map((field) =>
        isNonNullType(field.type) && field.defaultValue === undefined
          ? this.value(field.type, field.name, depth + 1).map((value) => [field.name, value] as const)
          : sometimes(this.value(field.type, field.name, depth + 1).map((value) => [field.name, value] as const), 2),
      );
      return nullable(fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((pair): pair is readonly [string, FuzzValue] => pair !== undefined))));
    }
    if (isScalarType(type)) return nullable(this.scalar(type.name, argumentName));
    return fc.constant(null);
  }

  private scalar(name: string, argumentName: string): fc.Arbitrary<FuzzValue> {
    if (/countryCode|^code$/.test(argumentName)) return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...COUNTRY_CODES) }, { weight: 2, arbitrary: fuzzString(this.options.longStringMax) });
    switch (name) {
      case 'Int':
        return fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -5, max: 3000 }) }, { weight: 2, arbitrary: fc.integer() });
      case 'Float':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'Boolean':
        return fc.boolean();
      case 'ID':
        return fc.oneof(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', '1', 'not-a-uuid'), fuzzString(this.options.longStringMax));
      case 'DateTimeISO':
        return fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.constantFrom('2024-13-45T99:00:00Z', 'yesterday'));
      default:
        return fuzzString(this.options.longStringMax);
    }
  }

  private argument(argument: GraphQLArgument): fc.Arbitrary<Argument> {
    return fc.record({
      name: fc.constant(argument.name),
      value: this.value(argument.type, argument.name),
      asVariable: fc.boolean(),
    }).map(({ name, value, asVariable }) => ({ name, value, ...(asVariable ? { variableType: String(argument.type) } : {}) }));
  }

  private arguments(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Argument[]> {
    const parts = field.args.map((argument) =>
      isNonNullType(argument.type) && argument.defaultValue === undefined
        ? // A required argument is left out now and then: near-valid.
          fc.oneof({ weight: 49, arbitrary: this.argument(argument) }, { weight: 1, arbitrary: fc.constant(undefined) })
        : sometimes(this.argument(argument), 2),
    );
    return fc.tuple(...parts).map((values) => values.filter((value): value is Argument => value !== undefined));
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<Selection> | undefined {
    const named = getNamedType(field.type);
    const leaf = isLeafType(named);
    if (!leaf && depth <= 0) return undefined;
    return fc
      .record({
        // Mostly aliases of this field's own (repeats of it do not clash); now and then a shared one, which may.
        alias: sometimes(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(`${field.name}1`, `${field.name}2`) }, { weight: 1, arbitrary: fc.constantFrom('a', 'same') }), 6),
        args: this.arguments(field),
        directive: sometimes(fc.oneof({ weight: 9, arbitrary: fc.constantFrom('@include(if: true)', '@skip(if: false)', '@skip(if: true)', '@include(if: false)') }, { weight: 1, arbitrary: fc.constantFrom('@deprecated', '@unknown(x: 1)', '@skip') }), 12),
        selections: leaf ? fc.constant(undefined) : this.selectionSet(named as GraphQLCompositeType, depth - 1),
      })
      .map(({ alias, args, directive, selections }) => ({ kind: 'field' as const, name: field.name, alias, args, directive, selections }));
  }

  /** A selection set on a composite type, `depth` levels deep at most. */
  selectionSet(type: GraphQLCompositeType, depth: number): fc.Arbitrary<Selection[]> {
    const key = `${type.name}:${depth}`;
    const known = this.selections.get(key);
    if (known) return known;
    // Placeholder while building, for types that lead back to themselves.
    const typename: fc.Arbitrary<Selection[]> = fc.constant([{ kind: 'field', name: '__typename', args: [] }]);
    this.selections.set(key, typename);
    let built: fc.Arbitrary<Selection[]>;
    if (isObjectType(type)) {
      const fields = Object.values(type.getFields())
        .map((field) => this.field(field, depth))
        .filter((arbitrary): arbitrary is fc.Arbitrary<Selection> => arbitrary !== undefined);
      const typenameField = fc.constant<Selection>({ kind: 'field', name: '__typename', args: [] });
      built = fields.length === 0 ? typename : fc.array(fc.oneof(typenameField, ...fields), { minLength: 1, maxLength: 5 });
    } else {
      const possible = isUnionType(type) || isInterfaceType(type) ? this.schema.getPossibleTypes(type) : [];
      const inline = possible.map((member) => this.selectionSet(member, depth).map((selections): Selection => ({ kind: 'inline', on: member.name, selections })));
      built = inline.length === 0 ? typename : fc.array(fc.oneof(...inline), { minLength: 1, maxLength: 3 }).map((selections) => [{ kind: 'field', name: '__typename', args: [] }, ...selections]);
    }
    this.selections.set(key, built);
    return built;
  }

  /** A whole operation on the query or mutation root, printed with its variables. */
  document(): fc.Arbitrary<GeneratedDocument> {
    const mutationType = this.schema.getMutationType();
    const roots = [
      { weight: 8, arbitrary: fc.record({ operation: fc.constant('query' as const), depth: fc.integer({ min: 1, max: 5 }) }) },
      ...(mutationType ? [{ weight: 2, arbitrary: fc.record({ operation: fc.constant('mutation' as const), depth: fc.integer({ min: 1, max: 3 }) }) }] : []),
    ];
    return fc
      .oneof(...roots)
      .chain(({ operation, depth }) => {
        const root = operation === 'query' ? this.schema.getQueryType()! : mutationType!;
        return fc.record({
          operation: fc.constant(operation),
          selections: this.selectionSet(root, depth),
          asFragment: fc.boolean(),
          named: sometimes(fc.constantFrom('Q', 'Fuzz', 'a_b'), 2),
          root: fc.constant(root.name),
        });
      })
      .map(({ operation, selections, asFragment, named, root }) => printDocument(operation, root, selections, asFragment, named));
  }

  /** Deep or wide selections: past the depth and alias limits, or just under them. */
  deepOrWide(): fc.Arbitrary<GeneratedDocument> {
    const deep = fc.integer({ min: 8, max: 40 }).map((levels) => {
      // Country → memberships → framework → members → memberships → …: as deep as asked.
      let selection = 'code';
      for (let level = 0; level < levels; level += 1) selection = level % 2 === 0 ? `memberships { framework { members { ${selection} } } }` : `code ${selection}`;
      return { query: `{ countries { ${selection} } }`, variables: {} };
    });
    const wide = fc.integer({ min: 25, max: 400 }).map((count) => ({
      query: `{ ${Array.from({ length: count }, (_, index) => `a${index}: frameworks { code }`).join(' ')} }`,
      variables: {},
    }));
    const manyFields = fc.integer({ min: 100, max: 4000 }).map((count) => ({ query: `{ frameworks { ${'code '.repeat(count)}} }`, variables: {} }));
    const manyDirectives = fc.integer({ min: 15, max: 200 }).map((count) => ({ query: `{ frameworks { code ${'@include(if: true) '.repeat(count)}} }`, variables: {} }));
    return fc.oneof(deep, wide, manyFields, manyDirectives);
  }

  /** A valid-looking document damaged as text: cut, with a character changed, an unknown field, a duplicated chunk. */
  nearValidDocument(): fc.Arbitrary<GeneratedDocument> {
    return fc.tuple(this.document(), fc.nat(), fc.nat(), fc.constantFrom('cut', 'replace', 'unknown-field', 'duplicate', 'unclosed-string', 'undeclared-variable', 'two-anonymous')).map(([document, at, length, damage]) => {
      const { query } = document;
      const position = query.length === 0 ? 0 : at % query.length;
      let damaged: string;
      switch (damage) {
        case 'cut':
          damaged = query.slice(0, position);
          break;
        case 'replace':
          damaged = `${query.slice(0, position)}${'{}()[]:$@!."\\#'[length % 15]}${query.slice(position + 1)}`;
          break;
        case 'unknown-field': {
          const brace = query.indexOf('{', position);
          damaged = brace < 0 ? `${query} { nope }` : `${query.slice(0, brace + 1)} notAField(x: 1) { y } ${query.slice(brace + 1)}`;
          break;
        }
        case 'duplicate':
          damaged = `${query.slice(0, position)}${query.slice(position, position + (length % 60))}${query.slice(position)}`;
          break;
        case 'unclosed-string':
          damaged = `${query.slice(0, position)}"unclosed${query.slice(position)}`;
          break;
        case 'undeclared-variable': {
          const brace = query.indexOf('{');
          damaged = `${query.slice(0, brace + 1)} country(code: $missing) { code } ${query.slice(brace + 1)}`;
          break;
        }
        default:
          damaged = `${query} { frameworks { code } }`;
      }
      return { ...document, query: damaged };
    });
  }
}

/** Print selections as an operation, numbering the variables and declaring them. */
function printDocument(operation: 'query' | 'mutation', root: string, selections: Selection[], asFragment: boolean, name: string | undefined): GeneratedDocument {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const printSelections = (items: Selection[]): string =>
    `{ ${items
      .map((item) => {
        if (item.kind === 'inline') return `... on ${item.on} ${printSelections(item.selections)}`;
        const args = item.args.map((argument) => {
          if (!argument.variableType) return `${argument.name}: ${printLiteral(argument.value)}`;
          const variable = `v${declarations.length}`;
          declarations.push(`$${variable}: ${argument.variableType}`);
          variables[variable] = toJson(argument.value);
          return `${argument.name}: $${variable}`;
        });
        const head = `${item.alias ? `${item.alias}: ` : ''}${item.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${item.directive ? ` ${item.directive}` : ''}`;
        return item.selections ? `${head} ${printSelections(item.selections)}` : head;
      })
      .join(' ')} }`;
  const body = printSelections(selections);
  const signature = `${operation}${name ? ` ${name}` : ''}${declarations.length > 0 ? `(${declarations.join(', ')})` : ''}`;
  const query = asFragment ? `${signature} { ...Root } fragment Root on ${root} ${body}` : `${signature} ${body}`;
  return { query, variables, ...(name ? { operationName: name } : {}) };
}
