import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getNamedType, isNonNullType, isObjectType, buildASTSchema, parse, type GraphQLObjectType } from 'graphql';

/**
 * ARCHITECTURE.md's nullability rule, read from the committed SDL of the NAP
 * contract (npm run check:generated keeps it equal to the code): a type that
 * another subgraph creates and the member only extends (a civic statement, a
 * framework's member row, a country) is reached before any member is asked,
 * so every field the member adds to it must be nullable. A non-null one turns
 * one member's outage into the loss of the hub's own object, and with it of
 * every list it stands in.
 */
const SDL = readFileSync(path.resolve(__dirname, '..', '..', 'schema.graphql'), 'utf8');
const FEDERATION_DIRECTIVES = /* GraphQL */ `
  scalar _Any scalar link__Import scalar FieldSet
  directive @link(url: String, import: [link__Import]) repeatable on SCHEMA
  directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
  directive @shareable repeatable on OBJECT | FIELD_DEFINITION
  directive @external on OBJECT | FIELD_DEFINITION
  directive @requires(fields: FieldSet!) on FIELD_DEFINITION
  directive @provides(fields: FieldSet!) on FIELD_DEFINITION
  directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
  directive @override(from: String!) on FIELD_DEFINITION
`;

function extendedEntities(): { type: GraphQLObjectType; keys: Set<string> }[] {
  const document = parse(`${FEDERATION_DIRECTIVES}\n${SDL}`);
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  const returned = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) returned.add(getNamedType(field.type).name);
  }
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('__') && !returned.has(type.name))
    .map((type) => {
      const key = type.astNode?.directives?.find((directive) => directive.name.value === 'key');
      const fields = key?.arguments?.find((argument) => argument.name.value === 'fields')?.value;
      return { type, key, keys: new Set(fields?.kind === 'StringValue' ? fields.value.split(/\s+/) : []) };
    })
    .filter((entry) => entry.key !== undefined);
}

describe("the NAP contract's nullability rule", () => {
  it('finds the hub-side entities the member only extends (a country, a civic statement, a framework row)', () => {
    const names = extendedEntities().map((entry) => entry.type.name);
    expect(names).toEqual(expect.arrayContaining(['CivicStatement', 'Country', 'MemberFinancing', 'MemberFollowUps']));
    expect(names).not.toContain('NationalActionPlan');
  });

  it('makes every field the member adds to them nullable, so one member that is down nulls only its own branch', () => {
    const nonNull = extendedEntities().flatMap(({ type, keys }) =>
      Object.values(type.getFields())
        .filter((field) => !keys.has(field.name) && isNonNullType(field.type))
        .map((field) => `${type.name}.${field.name}: ${String(field.type)}`),
    );
    expect(nonNull).toEqual([]);
  });
});
