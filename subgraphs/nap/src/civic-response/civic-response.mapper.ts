import type { CivicResponseEntity } from './civic-response.entity.js';
import type { CivicResponse } from './civic-response.type.js';

export function toCivicResponse(row: CivicResponseEntity): CivicResponse {
  return { id: row.id, statementId: row.statementId, body: row.body, respondedBy: row.respondedByDisplay, respondedAt: row.respondedAt };
}
