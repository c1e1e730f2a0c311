import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineEnv } from '@wps/kit';
import { DEMO_MEMBERS, REPO_ROOT } from '@wps/launcher';
import { chromium } from 'playwright-core';
import { startBenchNetwork } from './bench-network.js';
import { percentile } from './traffic.js';

const dashboardBenchEnv = defineEnv({
  BENCH_MEMBERS: { kind: 'list', describe: 'Members of the benchmark network (default: the 12 demo members)' },
  BENCH_RUNS: { kind: 'int', default: '15', min: 1, describe: 'Page loads to time' },
  CHROMIUM_PATH: { kind: 'string', default: '/usr/bin/chromium', describe: "Debian's chromium package" },
});

const say = (line = '') => process.stdout.write(`${line}\n`);
const DIST = path.join(REPO_ROOT, 'clients', 'dashboard', 'dist');

/** The JavaScript the dashboard page loads (its entry and the chunks it imports), raw and gzipped; GraphiQL's bundle apart. */
function bundleSizes(): { page: string; files: number; raw: number; gzip: number }[] {
  const assets = readdirSync(path.join(DIST, 'assets'));
  return ['index.html', 'graphiql.html'].map((page) => {
    const html = readFileSync(path.join(DIST, page), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!).filter((file) => assets.includes(file));
    const bytes = files.map((file) => readFileSync(path.join(DIST, 'assets', file)));
    return { page, files: files.length, raw: bytes.reduce((sum, buffer) => sum + buffer.length, 0), gzip: bytes.reduce((sum, buffer) => sum + gzipSync(buffer, { level: 9 }).length, 0) };
  });
}

/**
 * `npm run bench:dashboard`: the dashboard's JavaScript size, gzipped, and
 * the time to first render of the framework page (AU CRF: map, coverage and
 * members table drawn) in headless Chromium on a fresh demo network, each
 * load in a new browser context (cold cache). Figures only.
 */
async function main(): Promise<void> {
  const config = dashboardBenchEnv.read(process.env);
  for (const size of bundleSizes()) say(`${size.page}: ${size.files} JS files, ${(size.raw / 1024).toFixed(0)} KiB, ${(size.gzip / 1024).toFixed(0)} KiB gzipped`);
  const members = (config.BENCH_MEMBERS ?? [...DEMO_MEMBERS]).map((code) => code.toUpperCase());
  say(`Starting a fresh network of ${members.length} members…`);
  const hub = await startBenchNetwork({ label: 'dashboard', members });
  const browser = await chromium.launch({
    executablePath: config.CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const origin = new URL(hub.network.gatewayUrl).origin;
    const firstRender: number[] = [];
    const complete: number[] = [];
    for (let run = 0; run <= config.BENCH_RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${origin}/#/framework/AU_CRF`);
      await page.locator('[data-testid=members-table]').waitFor();
      const rendered = performance.now() - started;
      await page.locator('[data-testid=framework-map] a[data-country=KE]').waitFor();
      const mapped = performance.now() - started;
      await context.close();
      if (run === 0) continue; // warm-up: the gateway's first query plans
      firstRender.push(rendered);
      complete.push(mapped);
    }
    say();
    say(`Framework page (AU CRF), ${config.BENCH_RUNS} cold loads:`);
    say(`  first render (coverage and members table): p50 ${percentile(firstRender, 50).toFixed(0)} ms, p95 ${percentile(firstRender, 95).toFixed(0)} ms`);
    say(`  map drawn as well:                         p50 ${percentile(complete, 50).toFixed(0)} ms, p95 ${percentile(complete, 95).toFixed(0)} ms`);
  } finally {
    await browser.close();
    await hub.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
