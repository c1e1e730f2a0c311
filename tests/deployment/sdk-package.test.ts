import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '@wps/launcher';
import { startTestNetwork, type TestNetwork } from '@wps/tests';
import { apiSchemaHash, sdkReleases } from '../../codegen/src/sdk-release.js';

const SDK_DIR = path.join(REPO_ROOT, 'clients', 'sdk');
const sdkPackage = JSON.parse(readFileSync(path.join(SDK_DIR, 'package.json'), 'utf8')) as { name: string; version: string };
const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** npm's own variables from `npm test` would point these npm commands at the monorepo. */
const npmEnv = () => ({ ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))), npm_config_prefer_offline: 'true' });

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env: npmEnv(), encoding: 'utf8', timeout: 240_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the SDK as a package (clients/sdk)', () => {
  it('has a version cut for the current public schema, with its changelog entry', () => {
    const [newest, ...older] = sdkReleases();
    expect(newest).toBeDefined();
    expect(newest!.version).toBe(sdkPackage.version);
    const hash = apiSchemaHash();
    if (newest!.schemaHash !== hash) {
      throw new Error(
        `gateway/schema.graphql changed since @wps/sdk ${newest!.version} was cut: add a release on top of clients/sdk/CHANGELOG.md ` +
          `("## <next version> (schema sha256:${hash})", major/minor as the change is breaking or additive) and set that version in clients/sdk/package.json`,
      );
    }
    // Each release once, newest first.
    const versions = [newest!, ...older].map((release) => release.version.split('.').map(Number));
    for (let index = 1; index < versions.length; index++) {
      const [a, b] = [versions[index - 1]!, versions[index]!];
      expect(a[0]! * 1e6 + a[1]! * 1e3 + a[2]!).toBeGreaterThan(b[0]! * 1e6 + b[1]! * 1e3 + b[2]!);
    }
    // The workspaces that use the SDK pin this version (npm would look for another one on the registry).
    for (const workspace of ['clients/cli', 'bench', 'tests']) {
      const dependencies = (JSON.parse(readFileSync(path.join(REPO_ROOT, workspace, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
      expect([workspace, dependencies[sdkPackage.name]]).toEqual([workspace, sdkPackage.version]);
    }
  });

  describe('packed, installed into a scratch project and compiled there', () => {
    let network: TestNetwork;
    let scratch: string;
    let tarball: string;
    let packed: string[];

    beforeAll(async () => {
      scratch = mkdtempSync(path.join(os.tmpdir(), 'wps-sdk-'));
      const [started, pack] = await Promise.all([
        startTestNetwork({ members: ['KE', 'NG'], label: 'sdkpackage' }),
        Promise.resolve(run('npm', ['pack', '--json', '--pack-destination', scratch], SDK_DIR)),
      ]);
      network = started;
      if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
      const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
      tarball = path.join(scratch, info!.filename);
      packed = info!.files.map((file) => file.path);
      const project = path.join(scratch, 'app');
      mkdirSync(project);
      writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'hub-sdk-scratch', version: '0.0.0', private: true }, null, 2));
      const install = run('npm', ['install', '--no-audit', '--no-fund', tarball], project);
      if (install.status !== 0) throw new Error(`npm install of the packed SDK failed:\n${install.stderr}`);
    }, 300_000);

    afterAll(async () => {
      await network?.stop();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    it('packs the built JavaScript, its type declarations (generated types included) and the changelog, and nothing else', () => {
      expect(packed).toEqual(expect.arrayContaining(['package.json', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts', 'dist/client.d.ts', 'dist/generated/graphql.d.ts', 'dist/generated/graphql.js']));
      expect(packed.filter((file) => !/^(package\.json|CHANGELOG\.md|README\.md|dist\/.+\.(js|d\.ts))$/.test(file))).toEqual([]);
      expect(packed.filter((file) => file.includes('__tests__'))).toEqual([]);
    });

    /** Write a TypeScript project into the scratch app and compile it with tsc (the SDK's types only: no @types/node). */
    const compile = (folder: string, source: string) => {
      const dir = path.join(scratch, 'app', folder);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'main.ts'), source);
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2023', 'DOM'], types: [], outDir: 'dist', skipLibCheck: false }, files: ['main.ts'] }),
      );
      return { dir, ...run(process.execPath, [TSC, '-p', dir], dir) };
    };

    it('runs a typed query against a running hub from the installed tarball', () => {
      const build = compile(
        'query',
        `import { createHubClient, CountryProfileDocument, type CountryProfileQuery } from '@wps/sdk';

async function main(): Promise<void> {
  const hub = createHubClient({ url: ${JSON.stringify(network.gatewayUrl)} });
  const result = await hub.execute(CountryProfileDocument, { code: 'KE' });
  const country: CountryProfileQuery['country'] = result.data?.country ?? null;
  const titles: string[] = (country?.actionPlans ?? []).map((plan) => plan.title);
  console.log(JSON.stringify({ status: result.status, errors: result.errors.length, code: country?.code, memberStatus: country?.memberStatus, titles }));
}

main().catch((error: unknown) => {
  console.error(error);
  throw error;
});
`,
      );
      expect(build.stdout + build.stderr).toBe('');
      expect(build.status).toBe(0);
      const query = run(process.execPath, [path.join(build.dir, 'dist', 'main.js')], build.dir);
      expect(query.stderr).toBe('');
      const answer = JSON.parse(query.stdout) as { status: number; errors: number; code: string; memberStatus: string; titles: string[] };
      expect(answer).toEqual({ status: 200, errors: 0, code: 'KE', memberStatus: 'ACTIVE', titles: expect.arrayContaining([expect.stringContaining('Kenya')]) });
      // The package that ran is the tarball's copy, not the workspace.
      const installed = JSON.parse(readFileSync(path.join(scratch, 'app', 'node_modules', '@wps', 'sdk', 'package.json'), 'utf8')) as { version: string };
      expect(installed.version).toBe(sdkPackage.version);
    });

    it("refuses, at compile time, a result used as the wrong type and variables the operation does not take", () => {
      const build = compile(
        'wrong',
        `import { createHubClient, CountryProfileDocument } from '@wps/sdk';

export async function wrong(): Promise<number> {
  const hub = createHubClient({ url: 'http://127.0.0.1:1/graphql' });
  const result = await hub.execute(CountryProfileDocument, { countryCode: 'KE' });
  const name: number = result.data!.country!.name;
  return name;
}
`,
      );
      expect(build.status).not.toBe(0);
      expect(build.stdout).toMatch(/main\.ts\(5,\d+\): error TS2353: Object literal may only specify known properties, and 'countryCode' does not exist/);
      expect(build.stdout).toMatch(/main\.ts\(6,9\): error TS2322: Type 'string' is not assignable to type 'number'/);
    });
  });
});
