import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateClient } from './client-codegen.js';
import { composeHub, type GeneratedFile } from './compose.js';
import { generateDockerCompose } from './docker-compose.js';
import { generateEnvExample } from './env-example.js';
import { generateK8sSupergraph } from './k8s-supergraph.js';
import { API_SCHEMA_PATH, REPO_ROOT, SUPERGRAPH_PATH } from './paths.js';

/**
 * Regenerate everything in memory and list the committed files that differ
 * (or are missing): the schemas and supergraph from code, then the client
 * from the regenerated API schema, the supergraph's copy in deploy/k8s, docker-compose.yml from the demo network,
 * and .env.example from the services' config.
 */
export async function findStaleFiles(): Promise<string[]> {
  const composed = composeHub();
  const apiSchema = composed.find((file) => file.path === API_SCHEMA_PATH)!.content;
  const client = await generateClient(apiSchema);
  return [...composed, generateK8sSupergraph(composed.find((file) => file.path === SUPERGRAPH_PATH)!), generateDockerCompose(), generateEnvExample(), ...client].filter((file: GeneratedFile) => !existsSync(file.path) || readFileSync(file.path, 'utf8') !== file.content).map((file) => path.relative(REPO_ROOT, file.path));
}
