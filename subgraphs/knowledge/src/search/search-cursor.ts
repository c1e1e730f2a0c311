import { createHash } from 'node:crypto';
import { badInput } from '@wps/kit';

/** Where a page ended: the last edge's score and key. */
export interface SearchPosition {
  score: string;
  kind: string;
  id: string;
}

/** A short fingerprint of a search (query and filters), so a cursor is only used with the search it came from. */
export function searchFingerprint(search: unknown): string {
  return createHash('sha256').update(JSON.stringify(search)).digest('base64url').slice(0, 12);
}

/** Opaque cursor: base64url of the position and the search fingerprint. */
export function encodeCursor(position: SearchPosition, fingerprint: string): string {
  return Buffer.from(JSON.stringify([position.score, position.kind, position.id, fingerprint])).toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): SearchPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    typeof parsed[0] !== 'string' ||
    !/^\d+(\.\d+)?$/.test(parsed[0]) ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'string' ||
    typeof parsed[3] !== 'string'
  ) {
    throw badInput('after', 'after is not a cursor of this search.');
  }
  if (parsed[3] !== fingerprint) throw badInput('after', 'after is a cursor of another search (a different query or filter).');
  return { score: parsed[0], kind: parsed[1], id: parsed[2] };
}
