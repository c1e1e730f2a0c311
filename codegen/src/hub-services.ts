/**
 * The hub's services as every deployment artefact sees them: entry point in
 * the image, the port it listens on in a container, and its health path.
 * docker-compose.yml is generated from this; tests/deployment checks the
 * Kubernetes manifests, the Dockerfile and compose against it and against
 * each service's own config (its `*Env` defaults and `SERVICE_SCRIPTS`).
 *
 * (Issue 12 needs this now; issue 14 brings a single list of the hub's
 * services. When both land, this file should become that list's view.)
 */

export type HubServiceName = 'gateway' | 'regional' | 'knowledge' | 'nap';

export interface HubServiceDescription {
  /** Entry point, relative to the image's working directory (the repository root). */
  script: string;
  /** Port in a container: the service's default PORT. */
  port: number;
  /** Answers 200 once the service can serve (the subgraphs check their database). */
  healthPath: string;
  /** Reads DATABASE_URL (its own Postgres). */
  database: boolean;
}

export const HUB_SERVICES: Readonly<Record<HubServiceName, HubServiceDescription>> = {
  gateway: { script: 'gateway/dist/index.js', port: 4000, healthPath: '/health', database: false },
  regional: { script: 'subgraphs/regional/dist/index.js', port: 4001, healthPath: '/health', database: true },
  knowledge: { script: 'subgraphs/knowledge/dist/index.js', port: 4002, healthPath: '/health', database: true },
  nap: { script: 'subgraphs/nap/dist/index.js', port: 4100, healthPath: '/health', database: true },
};

/** Workspaces the services need at run time: what the production image carries. */
export const RUNTIME_WORKSPACES = ['data', 'subgraphs/kit', 'subgraphs/nap', 'subgraphs/regional', 'subgraphs/knowledge', 'gateway'] as const;

/** The image every hub service runs (Dockerfile's last stage), and the tool image that makes development keys (stage `keys`). */
export const HUB_IMAGE = 'wps-federation-hub';
export const KEYS_TARGET = 'keys';
/** Development keys and the gateway's service token, made into a folder: `node <KEYS_SCRIPT> <folder>`. */
export const KEYS_SCRIPT = 'launcher/dist/keys-cli.js';
