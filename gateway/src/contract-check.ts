import { createHash } from 'node:crypto';
import { Supergraph } from '@apollo/federation-internals';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { GraphQLObjectType, GraphQLSchema, isObjectType, lexicographicSortSchema, parse, print, printSchema, type GraphQLNamedType } from 'graphql';

export interface ContractVerdict {
  /** False when the member lacks or changes anything the contract has (additions are fine). */
  passed: boolean;
  /** The types and fields that differ, for the registry and the hub admin. */
  reason: string | null;
  /** A short hash of the member's normalised SDL: "nap@<12 hex>". */
  version: string;
}

/** The SDL of one subgraph of a supergraph: the contract every member of it must serve. */
export function subgraphContractSdl(supergraphSdl: string, subgraphName: string): string {
  const subgraph = Supergraph.build(supergraphSdl).subgraphs().get(subgraphName);
  if (!subgraph) throw new Error(`the supergraph has no subgraph named ${subgraphName}`);
  return subgraph.toString();
}

/** Federation's own machinery, which differs with the federation version and is not part of the contract. */
const isFederationType = (name: string) => /^(_|federation__|link__|join__)/.test(name) || name === 'Query.__placeholder';
const FEDERATION_ROOT_FIELDS = new Set(['_entities', '_service']);

/**
 * A subgraph SDL as a schema of the contract's own types: federation
 * definitions filled in by @apollo/subgraph, then federation's directives,
 * types and root fields (_entities, _service) left out, so that two
 * deployments printed by different federation versions compare equal.
 */
export function subgraphSchema(sdl: string): GraphQLSchema {
  const full = buildSubgraphSchema(parse(sdl)).toConfig();
  const replaced = new Map<string, GraphQLNamedType>();
  const withoutFederationFields = (type: GraphQLObjectType | null | undefined) => {
    if (!type) return undefined;
    const config = type.toConfig();
    const stripped = new GraphQLObjectType({ ...config, fields: Object.fromEntries(Object.entries(config.fields).filter(([name]) => !FEDERATION_ROOT_FIELDS.has(name))) });
    replaced.set(type.name, stripped);
    return stripped;
  };
  const query = withoutFederationFields(full.query);
  const mutation = full.mutation ?? undefined;
  return new GraphQLSchema({
    query,
    mutation,
    types: full.types.filter((type) => !isFederationType(type.name) && !type.name.startsWith('__') && !replaced.has(type.name)),
    directives: [],
    assumeValid: true,
  });
}

/** "nap@<hash>" of a schema's normalised SDL: the same contract always gives the same version. */
export function contractVersionOf(schema: GraphQLSchema): string {
  return `nap@${createHash('sha256').update(printSchema(lexicographicSortSchema(schema))).digest('hex').slice(0, 12)}`;
}

/** `@key` field sets per entity type, e.g. { NationalActionPlan: ["countryCode id"] }. */
function keysOf(schema: GraphQLSchema): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const nodes = [type.astNode, ...(type.extensionASTNodes ?? [])].filter((node) => node !== undefined && node !== null);
    const fields = nodes.flatMap((node) =>
      (node.directives ?? [])
        .filter((directive) => directive.name.value === 'key')
        .map((directive) => {
          const argument = directive.arguments?.find((candidate) => candidate.name.value === 'fields');
          return argument ? print(argument.value).replace(/^"|"$/g, '') : '';
        }),
    );
    if (fields.length > 0) keys.set(type.name, fields.sort());
  }
  return keys;
}

/** One difference as the registry keeps it: the member names the types and fields, so each is capped. */
const MAX_DIFFERENCE_CHARS = 200;
const capped = (difference: string) => (difference.length > MAX_DIFFERENCE_CHARS ? `${difference.slice(0, MAX_DIFFERENCE_CHARS)}…` : difference);

/**
 * Compare a member's schema with the contract. Breaking changes (a type or
 * field removed, a type changed, an argument added as required, …) and a
 * changed or missing entity key fail the check: the hub could not route or
 * answer through that member. Additions pass: the hub just does not ask for them.
 */
export async function checkAgainstContract(contract: GraphQLSchema, member: GraphQLSchema): Promise<ContractVerdict> {
  const differences = (await diff(contract, member))
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking && !change.type.startsWith('DIRECTIVE'))
    .map((change) => change.message);
  const memberKeys = keysOf(member);
  for (const [type, keys] of keysOf(contract)) {
    const theirs = memberKeys.get(type) ?? [];
    for (const key of keys) if (!theirs.includes(key)) differences.push(`Type '${type}' lacks the key @key(fields: "${key}")`);
  }
  const unique = [...new Set(differences)];
  return {
    passed: unique.length === 0,
    reason: unique.length === 0 ? null : `Differs from the NAP contract: ${unique.slice(0, 12).map(capped).join('; ')}${unique.length > 12 ? `; and ${unique.length - 12} more` : ''}.`,
    version: contractVersionOf(member),
  };
}
