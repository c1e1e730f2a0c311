import { errorMessage } from '@wps/kit';
import { generateClient } from './client-codegen.js';
import { writeFiles } from './write-files.js';

/** `npm run codegen`: regenerate the typed client from the committed API schema. */
generateClient()
  .then(writeFiles)
  .catch((error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exit(1);
  });
