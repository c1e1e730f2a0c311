import path from 'node:path';
import type { GeneratedFile } from './compose.js';
import { REPO_ROOT } from './paths.js';

/**
 * The supergraph the Kubernetes gateway serves, inside the hub base so that
 * Kustomize's configMapGenerator can read it (Kustomize refuses files
 * outside a kustomization's folder). A copy of gateway/supergraph.graphql.
 */
export const K8S_SUPERGRAPH_PATH = path.join(REPO_ROOT, 'deploy', 'k8s', 'base', 'hub', 'supergraph.graphql');

export function generateK8sSupergraph(supergraph: GeneratedFile): GeneratedFile {
  return { path: K8S_SUPERGRAPH_PATH, content: supergraph.content };
}
