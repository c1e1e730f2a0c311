import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { HUB_SERVICES } from '@wps/data';
import { REPO_ROOT } from './paths.js';

export interface SubgraphSource {
  name: string;
  /** URL written into the supergraph; the gateway can override it (SUBGRAPH_URLS). */
  url: string;
  dir: string;
}

/**
 * The subgraphs the hub composes (data/workspaces.json), by name. `nap` is
 * one name for N member deployments: the gateway's MemberRouter routes it by
 * country, so its URL here is only the default of a member run on its own.
 */
export const SUBGRAPHS: readonly SubgraphSource[] = HUB_SERVICES.filter((service) => service.subgraph).map((service) => ({
  name: service.name,
  url: `http://localhost:${service.port}/graphql`,
  dir: path.join(REPO_ROOT, service.dir),
}));

export const schemaFileOf = (subgraph: SubgraphSource): string => path.join(subgraph.dir, 'schema.graphql');

/**
 * Print a subgraph's SDL from its code (the built print-schema script), in a
 * process of its own so the type-graphql metadata of one subgraph never
 * leaks into another's.
 */
export function printSubgraphSdl(subgraph: SubgraphSource): string {
  return execFileSync(process.execPath, [path.join(subgraph.dir, 'dist', 'print-schema.js')], { encoding: 'utf8' });
}
