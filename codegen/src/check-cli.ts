import { errorMessage } from '@wps/kit';
import { findStaleFiles } from './check.js';

/** `npm run check:generated`: fail when a committed generated file differs from what the code generates. */
findStaleFiles()
  .then((stale) => {
    if (stale.length === 0) {
      process.stdout.write('generated files are up to date\n');
      return;
    }
    process.stderr.write(`stale generated files (run npm run compose):\n${stale.map((file) => `  ${file}`).join('\n')}\n`);
    process.exit(1);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exit(1);
  });
