import { SERVICE_SCRIPTS } from './paths.js';
import type { NetworkKeys } from './keys.js';
import { SERVICE_VARIABLES, type RunningNetwork } from './network.js';
import { spawnService, type ServiceProcess } from './service-process.js';

export interface GatewayReplicaOptions {
  /** Names its process and log file (`<name>.log`). */
  name: string;
  /** Its port on 127.0.0.1: fixed, so a restarted replica is the same load-balancer server. */
  port: number;
  logDir: string;
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /** Its own configuration (client limits, RATE_LIMIT_REDIS_URL, TRUSTED_PROXIES, …). */
  env?: Record<string, string>;
}

/**
 * Another gateway process over a running network's regional and knowledge
 * subgraphs, registry (so its members) and token issuer, configured as the
 * network's own gateway: a replica, as a deployment runs several behind a
 * load balancer. Start it again with the same options to restart it.
 */
export function startGatewayReplica(network: RunningNetwork, keys: NetworkKeys, options: GatewayReplicaOptions): Promise<ServiceProcess> {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SERVICE_VARIABLES) delete inherited[name];
  return spawnService({
    name: options.name,
    script: SERVICE_SCRIPTS.gateway,
    logDir: options.logDir,
    env: {
      ...inherited,
      LOG_LEVEL: options.logLevel ?? 'warn',
      PORT: String(options.port),
      AUTH_JWKS_FILE: keys.jwksFile,
      SUBGRAPH_URLS: `regional=${network.regional.url},knowledge=${network.knowledge.url}`,
      AUTH_TOKEN_URL: network.issuer.url,
      AUTH_CLIENT_ID: 'gateway',
      AUTH_CLIENT_SECRET_FILE: keys.gatewayClientSecretFile,
      METRICS_PORT: '0',
      // Unready for longer than haproxy takes to mark it down (check every 500 ms, down after 2) before it closes.
      STOP_DRAIN_MS: '1500',
      // The embedded network's members answer on loopback.
      MEMBER_ENDPOINTS_ALLOW: inherited.MEMBER_ENDPOINTS_ALLOW ?? 'loopback',
      ...options.env,
    },
  });
}
