import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDevKeys, Role, signDevToken } from '@wps/kit';

export interface NetworkKeys {
  /** Public keys every service verifies tokens against. */
  jwksFile: string;
  /** Signs development tokens (`npm run token`). */
  privateKeyFile: string;
  /** The gateway's service credential for reading the registry. */
  gatewayTokenFile: string;
}

/**
 * Development keys for a network kept in `folder` (created once, reused): an
 * ES256 key pair and a HUB_SERVICE token for the gateway, renewed when it
 * is missing or expires within a day.
 */
export async function ensureNetworkKeys(folder: string): Promise<NetworkKeys> {
  const { jwksFile, privateKeyFile } = await ensureDevKeys(folder);
  const gatewayTokenFile = path.join(folder, 'gateway.token');
  if (!existsSync(gatewayTokenFile) || expiresWithinADay(readFileSync(gatewayTokenFile, 'utf8'))) {
    const token = await signDevToken(privateKeyFile, { subject: 'service:gateway', roles: [Role.HUB_SERVICE], expiresIn: '365d' });
    writeFileSync(gatewayTokenFile, token, { mode: 0o600 });
  }
  return { jwksFile, privateKeyFile, gatewayTokenFile };
}

function expiresWithinADay(token: string): boolean {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
    return !payload.exp || payload.exp * 1000 < Date.now() + 86_400_000;
  } catch {
    return true;
  }
}
