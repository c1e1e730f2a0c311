export { generateClient } from './client-codegen.js';
export { composeHub, type GeneratedFile } from './compose.js';
export { findStaleFiles } from './check.js';
export { API_SCHEMA_PATH, REPO_ROOT, SUPERGRAPH_PATH } from './paths.js';
export { SUBGRAPHS, printSubgraphSdl, type SubgraphSource } from './subgraphs.js';
export { DOCKER_COMPOSE_PATH, generateDockerCompose } from './docker-compose.js';
export { HUB_IMAGE, HUB_SERVICES, KEYS_SCRIPT, KEYS_TARGET, RUNTIME_STATIC_ASSETS, RUNTIME_WORKSPACES, type HubServiceDescription, type HubServiceName } from './hub-services.js';
export { K8S_SUPERGRAPH_PATH } from './k8s-supergraph.js';
