import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';

/**
 * The canonical JSON text of a value: keys sorted at every level, no
 * whitespace, numbers and strings as JSON.stringify writes them (for the
 * JSON values a submission holds this is RFC 8785's canonical form). Two
 * parties that hold the same value get the same text, whatever order or
 * spacing they received it in.
 */
export function canonicalJson(value: unknown): string {
  return stableStringify(value);
}

/** sha256 (hex) of a value's canonical JSON: the content hash of a submission (member) and of its receipt (hub). */
export function contentHashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
