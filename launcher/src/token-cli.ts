import path from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage, ROLES, signDevToken, type Role } from '@wps/kit';
import { ensureNetworkKeys } from './keys.js';
import { DEFAULT_DATA_DIR } from './paths.js';

const USAGE = `npm run token -- --role ROLE [--country CC] [--org AU] [--subject NAME] [--expires 8h]

Prints a development token signed with the keys of the local hub (HUB_DATA_DIR/keys, default .data/keys).
Roles: ${ROLES.join(', ')}. FOCAL_POINT needs --country.
Use it as: curl -H "authorization: Bearer $(npm run -s token -- --role FOCAL_POINT --country KE)" …`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      country: { type: 'string' },
      org: { type: 'string', multiple: true },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.role) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const roles = values.role.map((role) => role.toUpperCase());
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length > 0) throw new Error(`unknown role ${unknown.join(', ')}; roles: ${ROLES.join(', ')}`);
  const country = values.country?.toUpperCase();
  if (roles.includes('FOCAL_POINT') && !country) throw new Error('a FOCAL_POINT token needs --country');
  const keys = await ensureNetworkKeys(path.join(process.env.HUB_DATA_DIR ? path.resolve(process.env.HUB_DATA_DIR) : DEFAULT_DATA_DIR, 'keys'));
  const token = await signDevToken(keys.privateKeyFile, {
    subject: values.subject ?? `dev:${roles.join('+').toLowerCase()}${country ? `:${country}` : ''}`,
    roles: roles as Role[],
    country,
    orgs: values.org,
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${errorMessage(error)}\n`);
  process.exit(1);
});
