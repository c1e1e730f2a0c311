import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The NAP contract as a plain schema (federation's directives kept as
 * written, unchecked), for making up answers of its shape.
 */
export function contractSchema(sdl: string): GraphQLSchema {
  return buildSchema(sdl, { assumeValidSDL: true });
}

/** Who the made-up data claims to be: the country in every `countryCode` and Country `code`, and the text of every string. */
export interface Claim {
  country: string;
  text: string;
}

const SCALAR_VALUES: Record<string, unknown> = { Int: 1, Float: 1.5, Boolean: true, ID: 'hostile-1', DateTimeISO: '2026-01-01T00:00:00.000Z', JSONObject: {} };

/**
 * An answer of the contract's shape to `operation`, made up: a string for
 * each String, one item in each list, the first value of each enum, the
 * claimed country wherever a country is named. `_entities` answers each
 * representation with an object of its type, keeping its key fields unless
 * the claimed country differs (then the country fields say the claim).
 */
export function madeUpData(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, variables: Record<string, unknown>, claim: Claim): Record<string, unknown> {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const data: Record<string, unknown> = {};
  for (const field of fieldsOf(operation.selectionSet, root!, schema, fragments)) {
    const key = field.alias?.value ?? field.name.value;
    if (field.name.value === '_entities') {
      const representations = variables.representations;
      data[key] = (Array.isArray(representations) ? representations : []).map((representation: Record<string, unknown>) => {
        const type = schema.getType(String(representation.__typename));
        return type && isObjectType(type) ? objectOf(type, [field.selectionSet!], schema, fragments, claim, representation) : null;
      });
    } else if (field.name.value === '__typename') data[key] = root!.name;
    else {
      const definition = root!.getFields()[field.name.value];
      data[key] = definition ? valueOf(definition.type, field, schema, fragments, claim) : null;
    }
  }
  return data;
}

function valueOf(type: GraphQLOutputType, field: FieldNode, schema: GraphQLSchema, fragments: ReadonlyMap<string, FragmentDefinitionNode>, claim: Claim): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, field, schema, fragments, claim);
  if (isListType(type)) return [valueOf(type.ofType, field, schema, fragments, claim)];
  const named: GraphQLNamedType = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isObjectType(named)) return objectOf(named, field.selectionSet ? [field.selectionSet] : [], schema, fragments, claim);
  if (isAbstractType(named)) return objectOf(schema.getPossibleTypes(named)[0]!, field.selectionSet ? [field.selectionSet] : [], schema, fragments, claim);
  if (named.name === 'String') return field.name.value === 'countryCode' ? claim.country : claim.text;
  return SCALAR_VALUES[named.name] ?? null;
}

function objectOf(
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  claim: Claim,
  representation?: Record<string, unknown>,
): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const selectionSet of selectionSets) {
    for (const field of fieldsOf(selectionSet, type, schema, fragments)) {
      const key = field.alias?.value ?? field.name.value;
      const name = field.name.value;
      if (name === '__typename') object[key] = type.name;
      else if (name === 'countryCode' || (type.name === 'Country' && name === 'code')) object[key] = claim.country;
      else if (representation && name in representation) object[key] = representation[name];
      else {
        const definition = type.getFields()[name];
        object[key] = definition ? valueOf(definition.type, field, schema, fragments, claim) : null;
      }
    }
  }
  return object;
}

/** The fields of a selection set that apply to `type`, through inline fragments and spreads. */
function fieldsOf(selectionSet: SelectionSetNode, type: GraphQLObjectType, schema: GraphQLSchema, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FieldNode[] {
  const applies = (condition: string | undefined) => {
    if (!condition || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && schema.getPossibleTypes(conditionType).some((possible) => possible.name === type.name);
  };
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (applies(selection.typeCondition?.name.value)) fields.push(...fieldsOf(selection.selectionSet, type, schema, fragments));
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && applies(fragment.typeCondition.name.value)) fields.push(...fieldsOf(fragment.selectionSet, type, schema, fragments));
    }
  }
  return fields;
}
