import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createHubClient, type FrameworkCode } from '@wps/sdk';
import { exportProgressCsv, PROGRESS_COLUMNS } from './progress-csv.js';

const FRAMEWORKS = ['AU_CRF', 'EU_GAP_III', 'OSCE'];
const USAGE = `npm run export:progress -- --framework AU_CRF [--year 2025] [--out au-crf.csv] [--url http://127.0.0.1:4000/graphql] [--token JWT]

Writes the cross-country progress of a framework as CSV: one line per member × framework indicator ×
aligned national indicator, computed at query time from the members' own subgraphs. Columns:
${PROGRESS_COLUMNS.map(([name, about]) => `  ${name}${about ? `: ${about}` : ''}`).join('\n')}`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      framework: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      url: { type: 'string', default: process.env.HUB_URL ?? 'http://127.0.0.1:4000/graphql' },
      token: { type: 'string', default: process.env.HUB_TOKEN },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.framework) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const framework = values.framework.toUpperCase();
  if (!FRAMEWORKS.includes(framework)) {
    process.stderr.write(`unknown framework ${values.framework}; one of ${FRAMEWORKS.join(', ')}\n`);
    return 2;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year)) {
    process.stderr.write(`--year must be a year, got ${values.year}\n`);
    return 2;
  }
  const result = await exportProgressCsv(createHubClient({ url: values.url, token: values.token }), framework as FrameworkCode, year);
  if (values.out) writeFileSync(values.out, result.csv);
  else process.stdout.write(result.csv);
  process.stderr.write(`${result.lines} lines${result.unavailable.length > 0 ? `; no answer from ${result.unavailable.join(', ')} (their lines are empty)` : ''}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
