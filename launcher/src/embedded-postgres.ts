import path from 'node:path';
import { SERVICE_SCRIPTS } from './paths.js';
import { spawnService, type ServiceProcess } from './service-process.js';

/**
 * Start the embedded Postgres cluster kept in `<dataDir>/postgres` (initialised
 * on first use, reused afterwards) in its own supervisor process, allowing
 * `maxConnections` (the network's connection budget).
 */
export function startEmbeddedPostgres(dataDir: string, logDir: string, maxConnections = 400): Promise<ServiceProcess> {
  return spawnService({
    name: 'postgres',
    script: SERVICE_SCRIPTS.embeddedPostgres,
    logDir,
    env: { ...process.env, PG_DATA_DIR: path.join(dataDir, 'postgres'), PG_MAX_CONNECTIONS: String(maxConnections) },
    readyTimeoutMs: 120_000,
  });
}
