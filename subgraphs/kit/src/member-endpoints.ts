import { lookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ConfigError, defineEnv } from './config.js';

/**
 * Which member endpoints the hub may call. A member endpoint is an address
 * a hub admin typed in, which the gateway then calls with its own network
 * position: without a rule it reaches whatever the hub can (the cloud's
 * metadata service, the hub's own databases). So:
 *
 * - link-local (169.254/16, fe80::/10), metadata (169.254.169.254,
 *   fd00:ec2::254, metadata.google.internal), unspecified (0.0.0.0, ::),
 *   multicast and broadcast addresses are always refused;
 * - loopback and private ranges (10/8, 172.16/12, 192.168/16, 100.64/10,
 *   fc00::/7) only when MEMBER_ENDPOINTS_ALLOW names them (the embedded
 *   default and the tests allow loopback);
 * - the rule applies to every address the name resolves to, at
 *   registration (the registry) and at every connection (the gateway), so a
 *   name that resolves elsewhere later (DNS rebinding) is refused then.
 */
export type EndpointAllowance = 'loopback' | 'private';
export const ENDPOINT_ALLOWANCES: readonly EndpointAllowance[] = ['loopback', 'private'];

export interface EndpointPolicy {
  allow: ReadonlySet<EndpointAllowance>;
}

/** The variable both the registry and the gateway read. */
export const memberEndpointsEnv = defineEnv({
  MEMBER_ENDPOINTS_ALLOW: {
    kind: 'list',
    describe: 'Address ranges member endpoints may resolve to besides public ones: loopback and/or private, separated by commas (default: none; link-local, metadata and unspecified addresses are always refused)',
  },
});

export function endpointPolicyFrom(values: { MEMBER_ENDPOINTS_ALLOW?: string[] }): EndpointPolicy {
  const allow = new Set<EndpointAllowance>();
  for (const entry of values.MEMBER_ENDPOINTS_ALLOW ?? []) {
    if (!(ENDPOINT_ALLOWANCES as readonly string[]).includes(entry)) {
      throw new ConfigError('MEMBER_ENDPOINTS_ALLOW', `"${entry}" is not one of ${ENDPOINT_ALLOWANCES.join(', ')}`, 'Write MEMBER_ENDPOINTS_ALLOW=loopback or loopback,private');
    }
    allow.add(entry as EndpointAllowance);
  }
  return { allow };
}

/** Why an endpoint is refused, in words that name no address. */
export type EndpointRefusal = 'not_http' | 'metadata' | 'link_local' | 'unspecified' | 'multicast' | 'loopback' | 'private' | 'unresolvable';

const REFUSAL_TEXT: Record<EndpointRefusal, string> = {
  not_http: 'is not an http(s) URL',
  metadata: 'names a cloud metadata service',
  link_local: 'resolves to a link-local address',
  unspecified: 'resolves to an unspecified address',
  multicast: 'resolves to a multicast or broadcast address',
  loopback: 'resolves to a loopback address, which MEMBER_ENDPOINTS_ALLOW does not allow',
  private: 'resolves to a private address, which MEMBER_ENDPOINTS_ALLOW does not allow',
  unresolvable: 'does not resolve to an address',
};

export function endpointRefusalText(refusal: EndpointRefusal): string {
  return REFUSAL_TEXT[refusal];
}

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.google.internal.', 'metadata', 'instance-data', 'instance-data.ec2.internal']);
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);

/** The refusal of one resolved address under the policy, or undefined when the hub may call it. */
export function addressRefusal(address: string, policy: EndpointPolicy): EndpointRefusal | undefined {
  if (!ipaddr.isValid(address)) return 'unresolvable';
  // IPv4-mapped IPv6 (::ffff:169.254.169.254) is judged as the IPv4 address it is.
  const parsed = ipaddr.process(address);
  if (METADATA_ADDRESSES.has(parsed.toNormalizedString()) || METADATA_ADDRESSES.has(parsed.toString())) return 'metadata';
  switch (parsed.range()) {
    case 'unspecified':
      return 'unspecified';
    case 'linkLocal':
      return 'link_local';
    case 'multicast':
    case 'broadcast':
      return 'multicast';
    case 'loopback':
      return policy.allow.has('loopback') ? undefined : 'loopback';
    case 'private':
    case 'uniqueLocal':
    case 'carrierGradeNat':
      return policy.allow.has('private') ? undefined : 'private';
    default:
      return undefined;
  }
}

/** The host of a URL as DNS and net.connect take it ([::1] without brackets). */
function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** Refusal of an http(s) URL before any lookup: its scheme, a metadata name, an address literal. */
export function literalRefusal(endpoint: string, policy: EndpointPolicy): EndpointRefusal | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'not_http';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not_http';
  const host = hostOf(url).toLowerCase();
  if (METADATA_HOSTS.has(host)) return 'metadata';
  return isIP(host) ? addressRefusal(host, policy) : undefined;
}

/**
 * Check an endpoint as the registry does at registration: its scheme, its
 * name, and every address it resolves to now. Undefined when it may be used.
 */
export async function checkMemberEndpoint(endpoint: string, policy: EndpointPolicy): Promise<EndpointRefusal | undefined> {
  const literal = literalRefusal(endpoint, policy);
  if (literal) return literal;
  const host = hostOf(new URL(endpoint));
  if (isIP(host)) return undefined;
  const addresses = await new Promise<string[]>((resolve) => lookup(host, { all: true }, (error, found) => resolve(error ? [] : found.map((entry) => entry.address))));
  if (addresses.length === 0) return 'unresolvable';
  for (const address of addresses) {
    const refusal = addressRefusal(address, policy);
    if (refusal) return refusal;
  }
  return undefined;
}

/** The error a guarded lookup fails a connection with: typed by its code, never matched by its message. */
export class EndpointRefusedError extends Error {
  readonly code = 'ERR_MEMBER_ENDPOINT_REFUSED';
  constructor(readonly refusal: EndpointRefusal) {
    super(`member endpoint refused: it ${REFUSAL_TEXT[refusal]}`);
  }
}

/**
 * A `lookup` for net.connect that resolves as usual, then refuses the
 * connection when any address is refused by the policy: the check happens
 * on the address actually connected to, at every new connection.
 */
export function guardedLookup(policy: EndpointPolicy): LookupFunction {
  return ((hostname: string, options: { all?: boolean; family?: number }, callback: (...args: unknown[]) => void) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      if (addresses.length === 0) return callback(new EndpointRefusedError('unresolvable'));
      for (const entry of addresses) {
        const refusal = addressRefusal(entry.address, policy);
        if (refusal) return callback(new EndpointRefusedError(refusal));
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as LookupFunction;
}
