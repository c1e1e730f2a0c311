import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A service of the hub: what runs as its own process. */
export interface HubService {
  name: string;
  /** True for the subgraphs the gateway composes. */
  subgraph: boolean;
  /** Default port (its config.ts PORT default; `npm start` picks free ones). */
  port: number;
  /** The Postgres it needs: its own database, one per member state, or none. */
  database: 'own' | 'per-member' | 'none';
}

export interface Workspace {
  /** Folder from the repository root. */
  path: string;
  package: string;
  /** The source entry other workspaces import as the package (for the tests' path aliases). */
  entry?: string;
  service?: HubService;
  /** False for a workspace tsconfig.json does not build (the dashboard's browser bundle builds itself). */
  projectReference?: boolean;
  /** The variables it reads: the export of its dist/config.js, and the .env.example section title. */
  env?: { export: string; title: string };
}

/** Every workspace of the hub, in build order (data/workspaces.json, one level above dist/ and src/). */
export const WORKSPACES: readonly Workspace[] = (JSON.parse(readFileSync(path.resolve(__dirname, '..', 'workspaces.json'), 'utf8')) as { workspaces: Workspace[] }).workspaces;

/** The services among the workspaces, each with its folder. */
export const HUB_SERVICES: readonly (HubService & { dir: string })[] = WORKSPACES.flatMap((workspace) =>
  workspace.service ? [{ ...workspace.service, dir: workspace.path }] : [],
);

/** A service by name; throws for a name the list does not have. */
export function hubService(name: string): HubService & { dir: string } {
  const service = HUB_SERVICES.find((candidate) => candidate.name === name);
  if (!service) throw new Error(`data/workspaces.json lists no service "${name}"`);
  return service;
}

/** A service's entry point as built, from the repository root (its only file that listens). */
export const serviceScript = (service: { dir: string }): string => path.posix.join(service.dir, 'dist', 'index.js');
