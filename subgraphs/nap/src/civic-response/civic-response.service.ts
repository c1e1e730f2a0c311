import { randomUUID } from 'node:crypto';
import { referenceId, requiredText } from '@wps/kit';
import { inTransaction, type WriteScope } from '../member/write-scope.js';
import { CivicResponseEntity } from './civic-response.entity.js';
import { toCivicResponse } from './civic-response.mapper.js';
import type { CivicResponse } from './civic-response.type.js';

/**
 * The state answers a civic statement: its own focal point writes the
 * answer into the member's database (the statement stays at the hub, where
 * the state cannot touch it). An answer is public at once, as the state's
 * word; a later answer adds to it, the first stays.
 */
export async function answerCivicStatement(scope: WriteScope, statementId: string, body: string): Promise<CivicResponse> {
  const row = { statementId: referenceId(statementId, 'statementId'), body: requiredText(body, 'body', { min: 1, max: 20_000 }) };
  return inTransaction(scope, async (manager) => {
    const id = randomUUID();
    await manager.insert(CivicResponseEntity, { id, ...row, respondedBy: scope.actor, respondedByDisplay: scope.actorDisplay, respondedAt: new Date() });
    return toCivicResponse(await manager.findOneByOrFail(CivicResponseEntity, { id }));
  });
}
