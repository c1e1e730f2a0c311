import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';

export interface SubgraphSource {
  name: string;
  /** URL written into the supergraph; the gateway can override it (SUBGRAPH_URLS). */
  url: string;
  dir: string;
}

/**
 * The subgraphs the hub composes. `nap` is one name for N member deployments:
 * the gateway's MemberRouter routes it by country, so its URL here is only
 * the default of a member run on its own (port 4100).
 */
export const SUBGRAPHS: readonly SubgraphSource[] = [
  { name: 'regional', url: 'http://localhost:4001/graphql', dir: path.join(REPO_ROOT, 'subgraphs', 'regional') },
  { name: 'knowledge', url: 'http://localhost:4002/graphql', dir: path.join(REPO_ROOT, 'subgraphs', 'knowledge') },
  { name: 'nap', url: 'http://localhost:4100/graphql', dir: path.join(REPO_ROOT, 'subgraphs', 'nap') },
];

export const schemaFileOf = (subgraph: SubgraphSource): string => path.join(subgraph.dir, 'schema.graphql');

/**
 * Print a subgraph's SDL from its code (the built print-schema script), in a
 * process of its own so the type-graphql metadata of one subgraph never
 * leaks into another's.
 */
export function printSubgraphSdl(subgraph: SubgraphSource): string {
  return execFileSync(process.execPath, [path.join(subgraph.dir, 'dist', 'print-schema.js')], { encoding: 'utf8' });
}
