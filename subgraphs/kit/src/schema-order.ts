import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { GraphQLObjectType, GraphQLSchema, type GraphQLFieldConfigMap } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/* eslint-disable @typescript-eslint/no-unsafe-function-type -- type-graphql names classes by their constructor. */

/**
 * A subgraph schema with its types and fields in the order the subgraph
 * declares them, whatever order its modules happen to load in (type-graphql
 * lists them in decorator order, so moving a resolver to another file would
 * reorder the printed contract):
 * - the object types in the order of `orphanedTypes` (each followed by the
 *   types only it brings in, as graphql-js collects them);
 * - the fields of a type as its class declares them, then the fields its
 *   resolvers add, by the resolvers' order in `resolvers` (each class's in
 *   its own order);
 * - root fields (queries, mutations) by the resolvers' order too.
 */
export function inDeclaredOrder(schema: GraphQLSchema, resolvers: readonly Function[], orphanedTypes: readonly Function[]): GraphQLSchema {
  const metadata = getMetadataStorage();
  const rankOf = new Map(resolvers.map((resolver, index) => [resolver, index]));
  const typeNameOf = new Map(metadata.objectTypes.map((type) => [type.target, type.name]));
  // Only a resolver of an object type (`@Resolver(() => T)`) adds fields to T; asking a root resolver for its type throws.
  const resolverOf = new Map(metadata.resolverClasses.map((resolver) => [resolver.target, resolver]));

  /** For each type, the rank of the resolver that adds each of its fields; a field its class declares has none. */
  const addedBy = new Map<string, Map<string, number>>();
  const add = (typeName: string | undefined, field: string, target: Function) => {
    const rank = rankOf.get(target);
    if (typeName === undefined || rank === undefined) return;
    const fields = addedBy.get(typeName) ?? new Map<string, number>();
    if (!fields.has(field)) fields.set(field, rank);
    addedBy.set(typeName, fields);
  };
  const declared = new Set(metadata.fields.map((field) => `${typeNameOf.get(field.target)}.${field.schemaName}`));
  for (const field of metadata.fieldResolvers) {
    const typeClass = resolverOf.get(field.target)?.getObjectType();
    const typeName = typeClass && typeNameOf.get(typeClass);
    if (typeName && !declared.has(`${typeName}.${field.schemaName}`)) add(typeName, field.schemaName, field.target);
  }
  for (const handler of metadata.queries) add(schema.getQueryType()?.name, handler.schemaName, handler.target);
  for (const handler of metadata.mutations) add(schema.getMutationType()?.name, handler.schemaName, handler.target);

  const reordered = mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const ranks = addedBy.get(type.name);
      if (!ranks) return type;
      const config = type.toConfig();
      const names = Object.keys(config.fields);
      const rank = (name: string) => ranks.get(name) ?? -1;
      const ordered = names.map((name, position) => ({ name, position })).sort((a, b) => rank(a.name) - rank(b.name) || a.position - b.position);
      const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
      for (const { name } of ordered) fields[name] = config.fields[name]!;
      return new GraphQLObjectType({ ...config, fields });
    },
  });
  const entities = orphanedTypes.map((type) => {
    const found = reordered.getType(typeNameOf.get(type) ?? type.name);
    if (!found) throw new Error(`orphaned type ${type.name} is not in the schema`);
    return found;
  });
  return new GraphQLSchema({ ...reordered.toConfig(), types: entities });
}
