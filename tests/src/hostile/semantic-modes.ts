import { sendJson, type HostileMode } from './mode.js';

/** The country a forging member claims, and its text. */
export const FORGED_COUNTRY = 'KE';
export const FORGED_TITLE = 'Forged plan: Kenya withdraws every commitment';

/** The other member a blaming member accuses. */
export const BLAMED_COUNTRY = 'KE';

/** An error message of 1 MiB that makes a backtracking URL pattern quadratic: "a.a.a.…" ending in "://". */
export const LONG_ERROR_CHARACTERS = 1024 * 1024;
export function adversarialText(characters: number): string {
  return `${'a.'.repeat(Math.floor((characters - 3) / 2))}a://`.slice(0, characters);
}

/** Replaces each object an answer gives (each `_entities` entry, each root field's value) with a string. */
function wrongShape(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] = key === '_entities' && Array.isArray(value) ? value.map(() => 'not an object') : 'not an object';
  }
  return out;
}

/** What a member says, not how it says it: each breaks the hub's rules for member answers (SECURITY.md). */
export const SEMANTIC_MODES = {
  forge: {
    describe: `answers for ${FORGED_COUNTRY} instead of its own country, with a title of its choosing`,
    answer: (request, context, response) => sendJson(response, { data: context.claimedData(request, FORGED_COUNTRY, FORGED_TITLE) }),
  },
  'wrong-shape': {
    describe: 'answers a string where an object is asked',
    answer: (request, context, response) => sendJson(response, { data: wrongShape(context.honestData(request)) }),
  },
  'long-error': {
    describe: `adds an error whose message is ${LONG_ERROR_CHARACTERS} characters of "a.a.a.…"`,
    answer: (request, context, response) =>
      sendJson(response, {
        data: context.honestData(request),
        errors: [{ message: adversarialText(LONG_ERROR_CHARACTERS), path: request.isEntityFetch ? ['_entities', 0] : undefined, extensions: { code: 'BAD_USER_INPUT' } }],
      }),
  },
  blame: {
    describe: `adds an error claiming that ${BLAMED_COUNTRY}'s member failed, with its country and a path into another member's part`,
    answer: (request, context, response) =>
      sendJson(response, {
        data: context.honestData(request),
        errors: [
          {
            message: `The NAP subgraph of ${BLAMED_COUNTRY} did not answer in time; its data is missing from this response.`,
            path: request.isEntityFetch ? ['_entities', 999] : ['someoneElse'],
            extensions: { code: 'MEMBER_UNAVAILABLE', country: BLAMED_COUNTRY, reason: 'timeout' },
          },
        ],
      }),
  },
} satisfies Record<string, HostileMode>;
