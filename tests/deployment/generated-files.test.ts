import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '@wps/launcher';

/**
 * Subgraph schemas, the supergraph, the API schema, docker-compose.yml and
 * the typed client are generated from code and committed. A change to the
 * code without `npm run compose` must fail here, naming the stale files.
 * (The check runs as its own process: graphql-codegen loads ESM-only
 * modules that jest on Node 20 cannot.)
 */
describe('generated files', () => {
  it('are up to date with the code (run `npm run compose` when this fails)', () => {
    const check = spawnSync(process.execPath, [path.join(REPO_ROOT, 'codegen', 'dist', 'check-cli.js')], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.stdout).toBe('generated files are up to date\n');
    expect(check.status).toBe(0);
  });
});
