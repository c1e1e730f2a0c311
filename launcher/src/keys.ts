import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDevKeys, Role, signDevToken } from '@wps/kit';

export interface NetworkKeys {
  /** Public keys every service verifies tokens against. */
  jwksFile: string;
  /** Signs development tokens (`npm run token`). */
  privateKeyFile: string;
  /**
   * A static HUB_SERVICE token for a gateway without a token endpoint
   * (docker-compose, Kubernetes secrets). The embedded default's gateway does
   * not use it: it fetches a short-lived credential from the issuer.
   */
  gatewayTokenFile: string;
  /** The gateway's client secret at the embedded issuer (client_credentials and token exchange). */
  gatewayClientSecretFile: string;
}

/**
 * Development keys for a network kept in `folder` (created once, reused): an
 * ES256 key pair, the gateway's client secret at the embedded issuer, and
 * a static HUB_SERVICE token for deployments without the issuer, renewed
 * when it is missing or expires within a day.
 */
export async function ensureNetworkKeys(folder: string): Promise<NetworkKeys> {
  const { jwksFile, privateKeyFile } = await ensureDevKeys(folder);
  const gatewayTokenFile = path.join(folder, 'gateway.token');
  if (!existsSync(gatewayTokenFile) || expiresWithinADay(readFileSync(gatewayTokenFile, 'utf8'))) {
    const token = await signDevToken(privateKeyFile, { subject: 'service:gateway', roles: [Role.HUB_SERVICE], expiresIn: '365d' });
    writeFileSync(gatewayTokenFile, token, { mode: 0o600 });
  }
  const gatewayClientSecretFile = path.join(folder, 'gateway.client-secret');
  if (!existsSync(gatewayClientSecretFile)) writeFileSync(gatewayClientSecretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return { jwksFile, privateKeyFile, gatewayTokenFile, gatewayClientSecretFile };
}

function expiresWithinADay(token: string): boolean {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
    return !payload.exp || payload.exp * 1000 < Date.now() + 86_400_000;
  } catch {
    return true;
  }
}
