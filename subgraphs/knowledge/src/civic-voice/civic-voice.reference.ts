import type { KnowledgeContext } from '../context.js';
import type { CivicStatement } from './civic-voice.type.js';

/** `_entities` for CivicStatement: one the caller may read (published, or its own draft), of the country the key names. */
export async function resolveCivicStatementReference(reference: Record<string, unknown>, context: KnowledgeContext): Promise<CivicStatement | null> {
  if (typeof reference.id !== 'string' || typeof reference.countryCode !== 'string') return null;
  const statement = await context.loaders.civicStatementById.load(reference.id);
  return statement?.countryCode === reference.countryCode ? statement : null;
}
