import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import { inDeclaredOrder } from './schema-order.js';

/** The Federation version every subgraph of the hub speaks, pinned in one place. */
export const FEDERATION_SPEC_URL = 'https://specs.apollo.dev/federation/v2.7';

const FEDERATION_LINK = /* GraphQL */ `
  extend schema
    @link(
      url: "${FEDERATION_SPEC_URL}"
      import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@override"]
    )
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any subgraph's context: a resolver taking a NapContext is not assignable to one taking `unknown` (parameters are contravariant).
export type ReferenceResolver<TContext = any> = (
  reference: Record<string, unknown>,
  context: TContext,
  info: GraphQLResolveInfo,
) => unknown;

/** The class a field is declared in, as type-graphql's metadata names it. */
type FieldMetadataTarget = ReturnType<typeof getMetadataStorage>['fields'][number]['target'];

/**
 * A field that only reads its object's property of the same name resolves by
 * graphql-js's default resolver, as a field of a schema written by hand does.
 * type-graphql otherwise wraps every such field in a resolver of its own (a
 * resolver-data object and a middleware pass for each value: 500 calls for
 * one member's AU-wide answer). A field that type-graphql must guard keeps
 * that resolver: with roles (`@Authorized`), middlewares (`@UseMiddleware`),
 * global middlewares, a schema name other than its property's; and a field
 * or class that says for itself (`simple`, `simpleResolvers`) keeps what it
 * says. A field with a `@FieldResolver` is
 * never plain: type-graphql resolves it by its method whatever `simple` says.
 */
export function resolvePlainFieldsByDefault(options: Pick<BuildSchemaOptions, 'globalMiddlewares'>): void {
  if (options.globalMiddlewares?.length) return;
  // Looked up as type-graphql looks them up when it builds (by the field's declaring class and name), before it does.
  const storage = getMetadataStorage();
  const guarded = (target: FieldMetadataTarget, name: string) =>
    storage.authorizedFields.some((it) => it.target === target && it.fieldName === name) ||
    storage.authorizedResolver.some((it) => it.target === target) ||
    storage.middlewares.some((it) => it.target === target && it.fieldName === name) ||
    storage.resolverMiddlewares.some((it) => it.target === target);
  const classSays = (target: FieldMetadataTarget) => [...storage.objectTypes, ...storage.interfaceTypes].some((it) => it.target === target && it.simpleResolvers !== undefined);
  for (const field of storage.fields) {
    if (field.simple !== undefined || classSays(field.target) || field.name !== field.schemaName || guarded(field.target, field.name)) continue;
    field.simple = true;
  }
}

/**
 * Build a Federation 2 subgraph schema from type-graphql classes, its types
 * and fields in the order `orphanedTypes` and `resolvers` give (see
 * schema-order.ts): the printed contract does not depend on which file a
 * resolver is in.
 *
 * `referenceResolvers` maps an entity type name to its `__resolveReference`.
 * Each is wrapped so that it always returns a promise: a synchronous throw in
 * one reference would otherwise fail the whole `_entities` batch, where a
 * rejected promise nulls only that representation (with its own error).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: Record<string, ReferenceResolver> = {},
): Promise<GraphQLSchema> {
  resolvePlainFieldsByDefault(options);
  const typeGraphQLSchema = inDeclaredOrder(await buildSchema({ validate: false, ...options, skipCheck: true }), options.resolvers, options.orphanedTypes ?? []);
  const resolvers = createResolversMap(typeGraphQLSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries(referenceResolvers)) {
    if (!typeGraphQLSchema.getType(typeName)) {
      throw new Error(`Reference resolver for unknown type ${typeName}: add the class to orphanedTypes`);
    }
    resolvers[typeName] = {
      ...resolvers[typeName],
      __resolveReference: async (reference: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) =>
        resolveReference(reference, context, info),
    };
  }
  return buildSubgraphSchema({
    typeDefs: parse(FEDERATION_LINK + printSchemaWithDirectives(typeGraphQLSchema)),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}
