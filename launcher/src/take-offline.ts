import { errorMessage, Role, signDevToken } from '@wps/kit';

/** How long the launcher waits for its own local gateway to take one member offline. */
export const TAKE_OFFLINE_TIMEOUT_MS = 10_000;

/**
 * A member that failed to start is registered (its port is kept) but taken
 * OFFLINE by the launcher, acting as the local hub admin, so the hub says
 * "offline" rather than probing a port where nothing listens. The gateway is
 * ours and local: the deadline is far beyond a healthy answer, and a gateway
 * that hangs fails start-up with an error naming the member, instead of
 * hanging it.
 */
export async function takeOffline(gatewayUrl: string, privateKeyFile: string, countryCodes: Iterable<string>, timeoutMs = TAKE_OFFLINE_TIMEOUT_MS): Promise<void> {
  const codes = [...countryCodes];
  if (codes.length === 0) return;
  const token = await signDevToken(privateKeyFile, { subject: 'launcher', roles: [Role.HUB_ADMIN], expiresIn: '5m' });
  for (const countryCode of codes) {
    let status: string | undefined;
    let problem: string;
    try {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation ($countryCode: String!) { updateMember(countryCode: $countryCode, input: { status: OFFLINE }) { status } }',
          variables: { countryCode },
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json()) as { data?: { updateMember?: { status: string } } | null; errors?: { message: string }[] };
      status = body.data?.updateMember?.status;
      problem = body.errors?.[0]?.message ?? `HTTP ${response.status}`;
    } catch (error) {
      // A DOMException, which is not an Error in every realm: look at its name.
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      problem = timedOut ? `the gateway did not answer within ${timeoutMs} ms` : errorMessage(error);
    }
    if (status !== 'OFFLINE') throw new Error(`could not take ${countryCode} offline: ${problem}`);
  }
}
