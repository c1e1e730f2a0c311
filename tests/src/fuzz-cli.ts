import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '@wps/launcher';

/**
 * `npm run fuzz -- [--cases N] [--seed S] [--concurrency C] [--huge BYTES]`:
 * the gateway fuzz test of `npm test` (tests/integration/gateway-fuzz.test.ts)
 * with more cases or another seed, over the same real network (jest's global
 * setup starts its Postgres). A failure prints the seed and each failing case.
 */
function main(): void {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '20261201' },
      concurrency: { type: 'string', default: '8' },
      huge: { type: 'string', default: '900000' },
    },
  });
  for (const [name, value] of Object.entries(values)) {
    if (!/^[0-9]{1,9}$/.test(value)) throw new Error(`--${name} must be a whole number, not "${value}"`);
  }
  const jest = require.resolve('jest/bin/jest', { paths: [REPO_ROOT] });
  process.stdout.write(`Fuzzing the gateway: ${values.cases} cases, seed ${values.seed}, ${values.concurrency} at a time, huge values up to ${values.huge} characters…\n`);
  const run = spawnSync(process.execPath, [jest, path.join('tests', 'integration', 'gateway-fuzz.test.ts'), '--runInBand', '--verbose'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_CASES: values.cases, FUZZ_SEED: values.seed, FUZZ_CONCURRENCY: values.concurrency, FUZZ_HUGE_STRING_MAX: values.huge },
  });
  process.exitCode = run.status ?? 1;
}

main();
