import path from 'node:path';
import { SERVICE_SCRIPTS } from './paths.js';
import { spawnService, type ServiceProcess } from './service-process.js';

/**
 * Start the embedded Postgres cluster kept in `<dataDir>/postgres` (initialised
 * on first use, reused afterwards) in its own supervisor process.
 */
export function startEmbeddedPostgres(dataDir: string, logDir: string): Promise<ServiceProcess> {
  return spawnService({
    name: 'postgres',
    script: SERVICE_SCRIPTS.embeddedPostgres,
    logDir,
    env: { ...process.env, PG_DATA_DIR: path.join(dataDir, 'postgres') },
    readyTimeoutMs: 120_000,
  });
}
