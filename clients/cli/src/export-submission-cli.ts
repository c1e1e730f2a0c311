import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createHubClient, type AlignmentFramework } from '@wps/sdk';
import { fetchSubmission, submissionCsv, submissionPdf } from './submission-export.js';

const FRAMEWORKS = ['AU_CRF', 'EU_GAP_III', 'OSCE', 'UN_1325'];
const USAGE = `npm run export:submission -- --country KE --framework AU_CRF --year 2025 [--format pdf|csv] [--out ke-au-crf-2025.pdf] [--url http://127.0.0.1:4000/graphql] [--token JWT]

Writes a member's submitted submission to a framework's reporting cycle as a PDF a ministry can file,
or as CSV (one line per value). The content is read through the gateway from the member's own subgraph
(submitted submissions are public); its sha256 is checked against the hash the member states.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      country: { type: 'string' },
      framework: { type: 'string' },
      year: { type: 'string' },
      format: { type: 'string', default: 'pdf' },
      out: { type: 'string' },
      url: { type: 'string', default: process.env.HUB_URL ?? 'http://127.0.0.1:4000/graphql' },
      token: { type: 'string', default: process.env.HUB_TOKEN },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.country || !values.framework || !values.year) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const framework = values.framework.toUpperCase();
  const year = Number(values.year);
  if (!FRAMEWORKS.includes(framework) || !Number.isInteger(year) || !['pdf', 'csv'].includes(values.format ?? '')) {
    process.stderr.write(`--framework is one of ${FRAMEWORKS.join(', ')}, --year a year, --format pdf or csv\n`);
    return 2;
  }
  const document = await fetchSubmission(createHubClient({ url: values.url, token: values.token }), values.country.toUpperCase(), framework as AlignmentFramework, year);
  const output = values.format === 'csv' ? submissionCsv(document) : await submissionPdf(document);
  if (values.out) writeFileSync(values.out, output);
  else process.stdout.write(output);
  process.stderr.write(`${document.content.countryCode} ${document.content.frameworkCode} ${document.content.year} version ${document.content.version}, sha256 ${document.contentHash}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
