import { performance } from 'node:perf_hooks';
import { defineEnv } from '@wps/kit';
import { loadGeneratorLimits, startBenchNetwork } from './bench-network.js';

/** Every variable `npm run bench:adversarial` reads (plus DATABASE_URL/PG*, as `npm start`). */
const adversarialEnv = defineEnv({
  ADVERSARIAL_RUNS: { kind: 'int', default: '7', min: 3, describe: 'Timed requests of each text and size, one at a time' },
});

/** Sizes of the bad variable, in characters: the 160 KB that held the gateway for 7 s, and 1 MB (under the 1 MiB body limit). */
const SIZES = [160 * 1024, 1_000_000];

/** Text that made the old URL pattern quadratic ("a.a.a.…"), and plain text of the same size. */
const TEXTS: Record<string, (characters: number) => string> = {
  adversarial: (characters) => 'a.'.repeat(Math.ceil(characters / 2)).slice(0, characters),
  benign: (characters) => 'a'.repeat(characters),
};

/** graphql-js echoes a bad variable value in its error, which the gateway's error masker scrubs. */
const QUERY = 'query ($n: Boolean!) { __typename @include(if: $n) }';

const say = (line = '') => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * `npm run bench:adversarial`: what an adversarial error text costs the
 * gateway next to a benign text of the same size. Each request sends a
 * String as the Boolean variable `$n`, so the gateway answers with an error
 * echoing the whole text; the adversarial text is "a.a.a.…", on which the
 * old URL scrubber took quadratic time. Reported: the median time of each
 * and their ratio (about 1 when scrubbing is linear). Figures only.
 */
async function main(): Promise<void> {
  const config = adversarialEnv.read(process.env);
  const limits = loadGeneratorLimits(1);
  say(limits.description);
  const hub = await startBenchNetwork({ label: 'adversarial', members: ['KE'], gatewayEnv: limits.env });
  try {
    const url = hub.network.gatewayUrl;
    const ask = async (text: string) => {
      const body = JSON.stringify({ query: QUERY, variables: { n: text } });
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const ms = performance.now() - started;
      if (answer.errors?.[0]?.extensions?.code !== 'BAD_USER_INPUT') throw new Error(`expected BAD_USER_INPUT, got HTTP ${response.status}: ${JSON.stringify(answer).slice(0, 200)}`);
      return ms;
    };
    // Warm the gateway (plans, JIT) with the small size of each text.
    for (const make of Object.values(TEXTS)) for (let run = 0; run < 3; run += 1) await ask(make(SIZES[0]!));

    say();
    say('size        adversarial ms   benign ms   ratio');
    for (const size of SIZES) {
      const times: Record<string, number[]> = { adversarial: [], benign: [] };
      // Interleaved, so a busy moment of the machine weighs on both.
      for (let run = 0; run < config.ADVERSARIAL_RUNS; run += 1) for (const [name, make] of Object.entries(TEXTS)) times[name]!.push(await ask(make(size)));
      const adversarial = median(times.adversarial!);
      const benign = median(times.benign!);
      say(`${`${(size / 1024).toFixed(0)} KiB`.padEnd(12)}${adversarial.toFixed(1).padStart(14)}${benign.toFixed(1).padStart(12)}${(adversarial / benign).toFixed(2).padStart(8)}`);
    }
  } finally {
    await hub.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
