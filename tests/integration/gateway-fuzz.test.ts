import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role, signDevToken } from '@wps/kit';
import { REPO_ROOT } from '@wps/launcher';
import { describeFailures, runGatewayFuzz, startTestNetwork, type FuzzReport, type TestNetwork } from '@wps/tests';
import { buildSchema } from 'graphql';

/** `npm test` runs this many; `npm run fuzz -- --cases N --seed S` runs more (through FUZZ_CASES and FUZZ_SEED). */
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);
const MAX_BODY_BYTES = 1_048_576;

/**
 * The gateway fuzz test (issue 9, item 10): thousands of requests drawn
 * from the public schema and from malformed HTTP, with a fixed seed, sent
 * concurrently to one real network of two members. No answer may be a 5xx,
 * carry a stack trace, SQL, an internal address or a file path, or hold an
 * error without `extensions.code`. A failure prints the seed and each
 * failing case.
 */
describe('the gateway under fuzzed requests', () => {
  let hub: TestNetwork;
  let report: FuzzReport;

  beforeAll(async () => {
    hub = await startTestNetwork({
      label: 'fuzz',
      members: ['KE', 'NG'],
      // Many requests from one address, concurrently: the client limits are not what this test is about.
      env: { RATE_LIMIT_ANONYMOUS_REQUESTS: '10000000', RATE_LIMIT_ANONYMOUS_CONCURRENCY: '1000', RATE_LIMIT_SIGNED_IN_REQUESTS: '10000000', RATE_LIMIT_SIGNED_IN_CONCURRENCY: '1000' },
    });
  });
  afterAll(() => hub?.stop());

  it(
    `answers ${CASES} fuzzed requests (seed ${SEED}) without a 5xx, a leak or an error without a code`,
    async () => {
      const sign = (subject: string, roles: Role[], extra: { country?: string; expiresIn?: string; audience?: string } = {}) =>
        signDevToken(hub.keys.privateKeyFile, { subject, roles, ...extra });
      const tokens = await Promise.all([
        sign('fuzz:focal-point-ke', [Role.FOCAL_POINT], { country: 'KE' }),
        sign('fuzz:analyst', [Role.REGIONAL_ANALYST]),
        sign('fuzz:admin', [Role.HUB_ADMIN]),
        sign('fuzz:network', [Role.NETWORK_MEMBER, Role.NETWORK_ADMIN]),
        sign('fuzz:expired', [Role.HUB_ADMIN], { expiresIn: '-1h' }),
        sign('fuzz:elsewhere', [Role.HUB_ADMIN], { audience: 'another-service' }),
      ]);
      const internal = [hub.network.regional, hub.network.knowledge, ...hub.network.members.values()].map((service) => new URL(service.url));
      report = await runGatewayFuzz({
        gatewayUrl: hub.gatewayUrl,
        schema: buildSchema(readFileSync(path.join(REPO_ROOT, 'gateway', 'schema.graphql'), 'utf8')),
        seed: SEED,
        cases: CASES,
        concurrency: CONCURRENCY,
        tokens,
        longStringMax: 2_000,
        hugeStringMax: Number(process.env.FUZZ_HUGE_STRING_MAX ?? 64_000),
        maxBodyBytes: MAX_BODY_BYTES,
        internalAddresses: internal.flatMap((url) => [url.href, url.host, `:${url.port}/`]),
        internalPaths: [REPO_ROOT, path.join(REPO_ROOT, '.data')],
      });
      const kinds = Object.entries(report.byKind)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, { cases, statuses }]) => `  ${kind}: ${cases} (${Object.entries(statuses).map(([status, count]) => `${status} ×${count}`).join(', ')})`);
      console.log(
        `gateway fuzz: ${report.cases} cases, seed ${report.seed}, ${(report.elapsedMs / 1000).toFixed(1)} s, ${report.failures.length} failures\n${kinds.join('\n')}\n` +
          `slowest: ${report.slowest.map((slow) => `#${slow.index} ${slow.kind} ${slow.ms} ms`).join(', ')}`,
      );
      if (report.failures.length > 0) throw new Error(describeFailures(report));
      expect(report.cases).toBe(CASES);
      // The documents reached execution, not only validation: many were answered with data.
      expect(report.byKind.document!.statuses['200'] ?? 0).toBeGreaterThan(report.byKind.document!.cases / 4);
    },
    Math.max(240_000, CASES * 150),
  );
});
