import { badInput } from '@wps/kit';

export interface ParsedQuery {
  /** to_tsquery text: every word must match, words of three letters or more also as the start of a longer word. */
  tsquery: string;
  /** The words, lower case, for trigram (typo) matching. */
  words: string;
}

const MAX_LENGTH = 200;
const MAX_WORDS = 12;

/**
 * "Financing, budget!" → tsquery "financing:* & budget:*", words "financing budget".
 * Only letters and digits reach the tsquery, so its syntax cannot be injected.
 */
export function parseSearchQuery(text: string): ParsedQuery {
  if (text.length > MAX_LENGTH) throw badInput('query', `query must have at most ${MAX_LENGTH} characters.`);
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length === 0) throw badInput('query', 'query must contain a word.');
  return { tsquery: words.map((word) => (word.length >= 3 ? `${word}:*` : word)).join(' & '), words: words.join(' ') };
}
