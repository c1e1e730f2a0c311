import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
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
