import { ErrorCode, isPublicErrorCode, type Logger } from '@wps/kit';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Extensions a client may see; everything else (subgraph responses, URLs, stacks) is dropped.
 * `lines` (every problem of a refused CSV import) and `missing` (what an unpublishable item lacks) come from member writes.
 */
const PUBLIC_EXTENSIONS = ['code', 'country', 'reason', 'field', 'service', 'line', 'lines', 'missing'] as const;

const ADDRESS = '[internal address]';

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number) => code >= 48 && code <= 57;
/** A character of a URL scheme: letter, digit, `+`, `.` or `-`. */
const isSchemeChar = (code: number) => isLetter(code) || isDigit(code) || code === 43 || code === 46 || code === 45;
/** A word character in the sense of a regular expression's `\b`. */
const isWordChar = (code: number) => isLetter(code) || isDigit(code) || code === 95;
/** What ends a URL: white space (as `\s`), `"`, `'` or `)`. */
const endsUrl = (code: number) =>
  code === 34 || code === 39 || code === 41 || code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

/**
 * The text with every URL (`scheme://…` up to white space, a quote or `)`)
 * replaced by "[internal address]", in one pass: each `://` looks back over
 * its scheme no further than the previous one, so the work is linear in the
 * length of the text whatever it holds. (The regular expression it replaces,
 * /\b[a-z][a-z0-9+.-]*:\/\/[^\s"')]+/gi, took quadratic time on "a.a.a.…":
 * a 160 KB variable held the gateway for 7 s.)
 */
export function scrubAddresses(text: string): string {
  let out = '';
  let copied = 0;
  let searchFrom = 0;
  for (;;) {
    const separator = text.indexOf('://', searchFrom);
    if (separator < 0) break;
    // The scheme: the longest run of scheme characters before `://`, back to where the last search ended at most.
    let runStart = separator;
    while (runStart > searchFrom && isSchemeChar(text.charCodeAt(runStart - 1))) runStart -= 1;
    let start = -1;
    for (let at = runStart; at < separator; at += 1) {
      if (isLetter(text.charCodeAt(at)) && (at === 0 || !isWordChar(text.charCodeAt(at - 1)))) {
        start = at;
        break;
      }
    }
    let end = separator + 3;
    while (end < text.length && !endsUrl(text.charCodeAt(end))) end += 1;
    if (start < 0 || end === separator + 3) {
      searchFrom = separator + 1;
      continue;
    }
    out += text.slice(copied, start) + ADDRESS;
    copied = end;
    searchFrom = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** At most `max` characters of `text` (never half a surrogate pair), with "…" when it was cut. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/**
 * The one place the gateway decides what an error may say. Errors with a
 * code from the allow-list keep their message (with any URL scrubbed) and
 * the public extensions; anything else is logged and becomes a plain
 * INTERNAL_SERVER_ERROR.
 */
export function createGatewayErrorMasker(logger: Logger) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (isPublicErrorCode(code)) {
      const extensions: Record<string, unknown> = {};
      for (const key of PUBLIC_EXTENSIONS) if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
      return {
        message: scrubAddresses(formatted.message),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions,
      };
    }
    logger.error('masked error', { message: formatted.message, code, path: formatted.path });
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
