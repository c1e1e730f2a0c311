import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SERVICE_SCRIPTS, spawnService, type ServiceProcess } from '@wps/launcher';
import type { TestNetwork } from './test-network.js';

export interface ExtraGateway {
  url: string;
  process: ServiceProcess;
  /** What the gateway has written to its log so far. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Another gateway replica over a running test network's regional and
 * knowledge subgraphs and registry (and so its members), as a deployment
 * runs several behind a load balancer; `env` is its own configuration.
 */
export async function startExtraGateway(hub: TestNetwork, name: string, env: Record<string, string>): Promise<ExtraGateway> {
  const logDir = path.join(REPO_ROOT, '.data', 'test-logs', `gateway-${name}-${randomBytes(3).toString('hex')}`);
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  for (const variable of ['DATABASE_URL', 'PORT', 'HOST', 'SUPERGRAPH_PATH', 'REGISTRY_URL', 'MEMBER_SUBGRAPH', 'SUBGRAPH_URLS', 'AUTH_JWKS_URL']) delete inherited[variable];
  const gateway = await spawnService({
    name: `gateway-${name}`,
    script: SERVICE_SCRIPTS.gateway,
    logDir,
    env: {
      ...inherited,
      LOG_LEVEL: 'warn',
      PORT: '0',
      AUTH_JWKS_FILE: hub.keys.jwksFile,
      // Its service credential and its members' tokens from the network's issuer, as the network's own gateway.
      AUTH_TOKEN_URL: hub.network.issuer.url,
      AUTH_CLIENT_SECRET_FILE: hub.keys.gatewayClientSecretFile,
      SUBGRAPH_URLS: `regional=${hub.network.regional.url},knowledge=${hub.network.knowledge.url}`,
      REGISTRY_REFRESH_MS: '500',
      // The test network's members answer on loopback.
      MEMBER_ENDPOINTS_ALLOW: 'loopback',
      ...env,
    },
  });
  const logFile = path.join(logDir, `gateway-${name}.log`);
  return {
    url: gateway.url,
    process: gateway,
    log: () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
    stop: () => gateway.stop(),
  };
}
