import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { REPO_ROOT } from '@wps/launcher';

interface LockEntry { version?: string; engines?: { node?: string } | string[] }

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(REPO_ROOT, file), 'utf8')) as T;

/**
 * The hub runs on Node 20. Several packages' newest versions declare Node 22
 * (some only deep in a dependency's tree), so every package the lock file
 * installs must declare a Node range that holds the oldest Node the root
 * package.json accepts, and the Node these tests run on.
 */
describe('the Node the hub runs on', () => {
  const supported = readJson<{ engines: { node: string } }>('package.json').engines.node;
  const oldest = semver.minVersion(supported);
  const packages = readJson<{ packages: Record<string, LockEntry> }>('package-lock.json').packages;

  it('is Node 20 or later, and these tests run on a Node the root package.json accepts', () => {
    expect(oldest?.major).toBe(20);
    expect(semver.satisfies(process.version, supported)).toBe(true);
  });

  it('is accepted by every package in package-lock.json that declares a Node range', () => {
    const refusing: string[] = [];
    let declared = 0;
    for (const [location, entry] of Object.entries(packages)) {
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      if (!location || !range) continue;
      declared += 1;
      const name = location.replace(/^.*node_modules\//, '');
      for (const node of [oldest!.version, process.version]) {
        if (!semver.satisfies(node, range)) refusing.push(`${name}@${entry.version ?? '?'} wants node ${range} (not ${node})`);
      }
    }
    expect(declared).toBeGreaterThan(100);
    expect(refusing).toEqual([]);
  });
});
