import path from 'node:path';
import { errorMessage } from '@wps/kit';
import { ensureNetworkKeys } from './keys.js';

/**
 * `node launcher/dist/keys-cli.js <folder>`: create the development keys and
 * the gateway's service token in a folder (docker-compose's `keys` service).
 */
const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: keys-cli <folder>\n');
  process.exit(2);
}
ensureNetworkKeys(path.resolve(folder))
  .then((keys) => process.stdout.write(`keys ready: ${keys.jwksFile}, ${keys.gatewayTokenFile}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exit(1);
  });
