import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort, REPO_ROOT } from '@wps/launcher';
import { FrameworkProgressDocument, createHubClient } from '@wps/sdk';
import pg from 'pg';
import { napMigrations } from '../../subgraphs/nap/src/migrations/index.js';
import { descendantsOf, isAlive, waitFor } from '@wps/tests';

/**
 * `npm start` itself: the launcher with the embedded Postgres, two members,
 * regional, knowledge and the gateway; Ctrl-C (SIGINT) must leave nothing behind.
 */
describe('the launcher (npm start)', () => {
  const dataDir = path.join(REPO_ROOT, '.data', `test-launcher-${process.pid}`);
  let gatewayPort: number;

  beforeAll(async () => {
    gatewayPort = await freePort();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function launch(): { child: ChildProcess; output: () => string; ready: Promise<string> } {
    const env: NodeJS.ProcessEnv = { ...process.env, HUB_MEMBERS: 'KE,NG', HUB_DATA_DIR: dataDir, GATEWAY_PORT: String(gatewayPort), HUB_LOG_LEVEL: 'warn' };
    for (const name of ['DATABASE_URL', 'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE']) delete env[name];
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'launcher', 'dist', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const ready = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`launcher not ready in 90 s:\n${output}`)), 90_000);
      child.stdout!.on('data', () => {
        const match = /GraphQL endpoint: (\S+)/.exec(output);
        if (match && output.includes('Press Ctrl-C')) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`launcher exited (${code}) before it was ready:\n${output}`));
      });
    });
    return { child, output: () => output, ready };
  }

  async function interrupt(child: ChildProcess): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    return exited;
  }

  it('serves the members from their own processes, and a SIGINT stops every process it started, Postgres included', async () => {
    const first = launch();
    const url = await first.ready;
    expect(url).toBe(`http://127.0.0.1:${gatewayPort}/graphql`);

    const result = await createHubClient({ url }).execute(FrameworkProgressDocument, { framework: 'AU_CRF' });
    expect(result.errors).toEqual([]);
    expect(result.data!.countries.filter((country) => country.currentActionPlan).map((country) => country.code).sort()).toEqual(['KE', 'NG']);

    const started = descendantsOf(first.child.pid!);
    const commands = started.map((pid) => (existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : ''));
    // Postgres supervisor + postgres, the token issuer, two members, regional, knowledge, gateway (postgres adds its own workers).
    expect(commands.filter((command) => command.includes('subgraphs/nap/dist/index.js'))).toHaveLength(2);
    expect(commands.filter((command) => command.includes('launcher/dist/issuer-process.js'))).toHaveLength(1);
    expect(commands.some((command) => command.includes('gateway/dist/index.js'))).toBe(true);
    expect(commands.some((command) => command.includes(`${dataDir}/postgres/cluster`))).toBe(true);

    expect(await interrupt(first.child)).toBe(0);
    expect(await waitFor(() => started.every((pid) => !isAlive(pid)), 5_000)).toBe(true);
    const leftovers = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir);
        } catch {
          return false;
        }
      });
    expect(leftovers).toEqual([]);
  });

  it('reuses the seeded databases on a second start', async () => {
    const secondStart = new Date();
    const second = launch();
    const url = await second.ready;
    try {
      const result = await createHubClient({ url }).execute(FrameworkProgressDocument, { framework: 'AU_CRF' });
      expect(result.data!.countries.find((country) => country.code === 'KE')!.currentActionPlan).not.toBeNull();
      // The embedded cluster's own credentials: its password file and the port in postmaster.pid.
      const password = readFileSync(path.join(dataDir, 'postgres', 'password'), 'utf8').trim();
      const port = readFileSync(path.join(dataDir, 'postgres', 'cluster', 'postmaster.pid'), 'utf8').split('\n')[3];
      const client = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/wps_nap_ke` });
      await client.connect();
      const plans = await client.query<{ created_at: Date }>('SELECT created_at FROM national_action_plan');
      const migrations = await client.query('SELECT name FROM schema_migrations');
      await client.end();
      expect(plans.rows).toHaveLength(2);
      for (const row of plans.rows) expect(row.created_at.getTime()).toBeLessThan(secondStart.getTime());
      expect(migrations.rows).toHaveLength(napMigrations.length);
    } finally {
      expect(await interrupt(second.child)).toBe(0);
    }
  });
});
