import { errorMessage } from '@wps/kit';
import { generateClient } from './client-codegen.js';
import { composeHub } from './compose.js';
import { generateDockerCompose } from './docker-compose.js';
import { generateEnvExample } from './env-example.js';
import { API_SCHEMA_PATH } from './paths.js';
import { writeFiles } from './write-files.js';

/** `npm run compose`: subgraph SDL, supergraph and API schema from code, docker-compose.yml, .env.example, then the client that depends on the schema. */
async function main(): Promise<void> {
  const composed = composeHub();
  writeFiles([...composed, generateDockerCompose(), generateEnvExample()]);
  writeFiles(await generateClient(composed.find((file) => file.path === API_SCHEMA_PATH)!.content));
}

main().catch((error: unknown) => {
  process.stderr.write(`${errorMessage(error)}\n`);
  process.exit(1);
});
