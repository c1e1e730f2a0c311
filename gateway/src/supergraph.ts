import { Kind, parse, type ConstDirectiveNode } from 'graphql';

export interface SupergraphSubgraph {
  name: string;
  url: string;
}

/** The subgraphs a supergraph joins (its `join__Graph` enum), with their URLs. */
export function subgraphsOf(supergraphSdl: string): SupergraphSubgraph[] {
  const document = parse(supergraphSdl);
  const subgraphs: SupergraphSubgraph[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const directive = value.directives?.find((candidate: ConstDirectiveNode) => candidate.name.value === 'join__graph');
      const argument = (name: string) => {
        const node = directive?.arguments?.find((candidate) => candidate.name.value === name)?.value;
        return node?.kind === Kind.STRING ? node.value : undefined;
      };
      const name = argument('name');
      if (name) subgraphs.push({ name, url: argument('url') ?? '' });
    }
  }
  return subgraphs;
}
