import { generateClient } from './client-codegen.js';
import { composeHub } from './compose.js';
import { API_SCHEMA_PATH } from './paths.js';
import { writeFiles } from './write-files.js';

/** `npm run compose`: subgraph SDL, supergraph and API schema from code, then the client that depends on them. */
async function main(): Promise<void> {
  const composed = composeHub();
  writeFiles(composed);
  writeFiles(await generateClient(composed.find((file) => file.path === API_SCHEMA_PATH)!.content));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
