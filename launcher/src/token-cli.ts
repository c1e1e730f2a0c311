import path from 'node:path';
import { parseArgs } from 'node:util';
import { countryOfMemberAudience, DEFAULT_MAX_TOKEN_LIFETIME_S, errorMessage, HUB_AUDIENCE, ROLES, signDevToken, type Role } from '@wps/kit';
import { ensureNetworkKeys } from './keys.js';
import { DEFAULT_DATA_DIR } from './paths.js';

const USAGE = `npm run token -- --role ROLE [--country CC] [--org AU] [--subject NAME] [--expires 8h] [--audience nap:CC]

Prints a development token signed with the keys of the local hub (HUB_DATA_DIR/keys, default .data/keys).
Roles: ${ROLES.join(', ')}. FOCAL_POINT needs --country.
Every token has an expiry: at most ${DEFAULT_MAX_TOKEN_LIFETIME_S / 3600}h, what the services accept by default (AUTH_MAX_TOKEN_LIFETIME_S).
The token is for the hub (the gateway). A member state's subgraph accepts only tokens for its own audience
(--audience nap:CC); through the hub, the gateway obtains those from the issuer itself.
Use it as: curl -H "authorization: Bearer $(npm run -s token -- --role FOCAL_POINT --country KE)" …`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      country: { type: 'string' },
      org: { type: 'string', multiple: true },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      audience: { type: 'string' },
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
  const seconds = lifetimeSeconds(values.expires);
  if (!(seconds > 0 && seconds <= DEFAULT_MAX_TOKEN_LIFETIME_S)) throw new Error(`--expires ${values.expires}: give a lifetime like 30m or 8h, at most ${DEFAULT_MAX_TOKEN_LIFETIME_S / 3600}h`);
  if (values.audience !== undefined && values.audience !== HUB_AUDIENCE && !countryOfMemberAudience(values.audience)) throw new Error(`--audience ${values.audience}: use nap:CC (a member state) or ${HUB_AUDIENCE}`);
  if (roles.includes('FOCAL_POINT') && !country) throw new Error('a FOCAL_POINT token needs --country');
  const keys = await ensureNetworkKeys(path.join(process.env.HUB_DATA_DIR ? path.resolve(process.env.HUB_DATA_DIR) : DEFAULT_DATA_DIR, 'keys'));
  const token = await signDevToken(keys.privateKeyFile, {
    subject: values.subject ?? `dev:${roles.join('+').toLowerCase()}${country ? `:${country}` : ''}`,
    roles: roles as Role[],
    country,
    orgs: values.org,
    expiresIn: `${seconds}s`,
    audience: values.audience,
  });
  process.stdout.write(`${token}\n`);
}

/** "90s", "30m", "8h", "1d" in seconds; NaN for anything else. */
function lifetimeSeconds(text: string): number {
  const match = /^(\d{1,6})\s*(s|m|h|d)$/.exec(text.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[match[2] as 's' | 'm' | 'h' | 'd'];
}

main().catch((error: unknown) => {
  process.stderr.write(`${errorMessage(error)}\n`);
  process.exit(1);
});
