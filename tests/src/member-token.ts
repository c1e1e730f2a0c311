import { readFileSync } from 'node:fs';
import { JWT_TOKEN_TYPE, memberAudience, TOKEN_EXCHANGE_GRANT } from '@wps/kit';
import type { TestNetwork } from './test-network.js';

/** The answer of the network's issuer to a token request (RFC 6749 / RFC 8693), with its HTTP status. */
export async function askIssuer(hub: TestNetwork, form: Record<string, string>, client: { id: string; secret: string } | null = gatewayClient(hub)) {
  const response = await fetch(hub.network.issuer.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(client ? { authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}` } : {}),
    },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The gateway's client credential at the network's issuer. */
export function gatewayClient(hub: TestNetwork): { id: string; secret: string } {
  return { id: 'gateway', secret: readFileSync(hub.keys.gatewayClientSecretFile, 'utf8').trim() };
}

/**
 * A member-bound token for a hub token, obtained as the gateway obtains it
 * (token exchange at the network's issuer): what a member receives for its
 * own focal point. Throws when the issuer refuses.
 */
export async function memberTokenFor(hub: TestNetwork, hubToken: string, countryCode: string): Promise<string> {
  const { status, body } = await askIssuer(hub, {
    grant_type: TOKEN_EXCHANGE_GRANT,
    subject_token: hubToken,
    subject_token_type: JWT_TOKEN_TYPE,
    audience: memberAudience(countryCode),
  });
  if (status !== 200 || typeof body.access_token !== 'string') throw new Error(`the issuer refused the exchange: ${status} ${JSON.stringify(body)}`);
  return body.access_token;
}
