import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HUB_SERVICES, WORKSPACES } from '@wps/data';
import { REPO_ROOT } from '@wps/launcher';
import { gatewayEnv } from '../../gateway/src/config.js';
import { knowledgeEnv } from '../../subgraphs/knowledge/src/config.js';
import { napEnv } from '../../subgraphs/nap/src/config.js';
import { regionalEnv } from '../../subgraphs/regional/src/config.js';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')) as T;

/**
 * data/workspaces.json is the one list of the hub's workspaces and services
 * (codegen, the launcher and jest read it). The files that cannot read it
 * are checked against it here.
 */
describe('the list of workspaces and services (data/workspaces.json)', () => {
  const paths = WORKSPACES.map((workspace) => workspace.path);

  it('is the workspaces of package.json, in the same order', () => {
    expect(readJson<{ workspaces: string[] }>('package.json').workspaces).toEqual(paths);
  });

  it('is what tsconfig.json builds, in the same order (but for workspaces that build themselves)', () => {
    const built = WORKSPACES.filter((workspace) => workspace.projectReference !== false).map((workspace) => workspace.path);
    expect(readJson<{ references: { path: string }[] }>('tsconfig.json').references.map((reference) => reference.path)).toEqual(built);
  });

  it("names each workspace's package as its package.json does", () => {
    for (const workspace of WORKSPACES) expect([workspace.path, readJson<{ name: string }>(`${workspace.path}/package.json`).name]).toEqual([workspace.path, workspace.package]);
  });

  it('gives tsconfig.tests.json a path for each package other workspaces import, to its source entry', () => {
    const expected = Object.fromEntries(WORKSPACES.filter((workspace) => workspace.entry).map((workspace) => [workspace.package, [`${workspace.path}/${workspace.entry}`]]));
    expect(readJson<{ compilerOptions: { paths: Record<string, string[]> } }>('tsconfig.tests.json').compilerOptions.paths).toEqual(expected);
  });

  it('gives each service the port its own config defaults to', () => {
    const defaults: Record<string, string | undefined> = {
      nap: napEnv.spec.PORT.default,
      regional: regionalEnv.spec.PORT.default,
      knowledge: knowledgeEnv.spec.PORT.default,
      gateway: gatewayEnv.spec.PORT.default,
    };
    expect(Object.fromEntries(HUB_SERVICES.map((service) => [service.name, String(service.port)]))).toEqual(defaults);
  });
});
