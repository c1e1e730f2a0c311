import type { MemberAnswer } from './member-transport.js';

/** An answer accepted for merging, or the problem that refuses it (for the log; the client sees `invalid_response`). */
export type Checked<T> = { accepted: T } | { problem: string };

/**
 * A member's answer to its part of an entity fetch: a list with exactly one
 * entry per representation it was sent, in order (the gateway drops a whole
 * batch otherwise).
 */
export function checkEntityAnswer(answer: MemberAnswer, expected: number): Checked<readonly unknown[]> {
  const entities = answer.data?._entities;
  if (!Array.isArray(entities)) return { problem: 'the answer has no _entities list' };
  if (entities.length !== expected) return { problem: `the answer has ${entities.length} entities for ${expected} representations` };
  return { accepted: entities };
}

/** A member's answer to its root fields: a data object (each asked response key is read from it). */
export function checkRootAnswer(answer: MemberAnswer): Checked<Record<string, unknown>> {
  if (!answer.data || typeof answer.data !== 'object' || Array.isArray(answer.data)) return { problem: 'the answer has no data object' };
  return { accepted: answer.data };
}
