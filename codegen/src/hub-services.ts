import { hubService, serviceScript } from '@wps/data';

/**
 * The hub's services as every deployment artefact sees them: entry point in
 * the image, the port it listens on in a container, and its health (liveness) and readiness paths.
 * A view of the one list of services (data/workspaces.json): entry points and
 * ports come from there. docker-compose.yml is generated from this;
 * tests/deployment checks the Kubernetes manifests, the Dockerfile and
 * compose against it and against each service's own config (its `*Env`
 * defaults and `SERVICE_SCRIPTS`).
 */

export type HubServiceName = 'gateway' | 'regional' | 'knowledge' | 'nap';

export interface HubServiceDescription {
  /** Entry point, relative to the image's working directory (the repository root). */
  script: string;
  /** Port in a container: the service's default PORT. */
  port: number;
  /** Liveness: answers 200 while the process serves HTTP (the subgraphs also check their database). */
  healthPath: string;
  /** Readiness: answers 200 once the service can serve (the gateway: supergraph and registry loaded; a subgraph: its database answers), 503 before. */
  readyPath: string;
  /** Reads DATABASE_URL (its own Postgres). */
  database: boolean;
}

const describe = (name: HubServiceName): HubServiceDescription => {
  const listed = hubService(name);
  return { script: serviceScript(listed), port: listed.port, healthPath: '/health', readyPath: '/ready', database: listed.database !== 'none' };
};

export const HUB_SERVICES: Readonly<Record<HubServiceName, HubServiceDescription>> = {
  gateway: describe('gateway'),
  regional: describe('regional'),
  knowledge: describe('knowledge'),
  nap: describe('nap'),
};

/** Workspaces the services need at run time: what the production image carries. */
export const RUNTIME_WORKSPACES = ['data', 'subgraphs/kit', 'subgraphs/nap', 'subgraphs/regional', 'subgraphs/knowledge', 'gateway'] as const;

/**
 * Files the gateway reads, with no code of theirs run by Node: the built
 * dashboard and GraphiQL it serves at /, and the typed client's operations
 * it plans at boot (WARM_UP_OPERATIONS' default).
 */
export const RUNTIME_STATIC_ASSETS = ['clients/dashboard/dist', 'clients/sdk/src/operations'] as const;

/** The image every hub service runs (Dockerfile's last stage), and the tool image that makes development keys (stage `keys`). */
export const HUB_IMAGE = 'wps-federation-hub';
export const KEYS_TARGET = 'keys';
/** Development keys and the gateway's service token, made into a folder: `node <KEYS_SCRIPT> <folder>`. */
export const KEYS_SCRIPT = 'launcher/dist/keys-cli.js';
