import { errorMessage } from '@wps/kit';
import { generateClient } from './client-codegen.js';
import { composeHub } from './compose.js';
import { generateDockerCompose } from './docker-compose.js';
import { generateEnvExample } from './env-example.js';
import { generateK8sSupergraph } from './k8s-supergraph.js';
import { API_SCHEMA_PATH, SUPERGRAPH_PATH } from './paths.js';
import { writeFiles } from './write-files.js';

/** `npm run compose`: subgraph SDL, supergraph (and its copy for Kubernetes) and API schema from code, docker-compose.yml, .env.example, then the client that depends on the schema. */
async function main(): Promise<void> {
  const composed = composeHub();
  writeFiles([...composed, generateK8sSupergraph(composed.find((file) => file.path === SUPERGRAPH_PATH)!), generateDockerCompose(), generateEnvExample()]);
  writeFiles(await generateClient(composed.find((file) => file.path === API_SCHEMA_PATH)!.content));
}

main().catch((error: unknown) => {
  process.stderr.write(`${errorMessage(error)}\n`);
  process.exit(1);
});
