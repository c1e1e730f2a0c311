import type { EntityManager } from 'typeorm';
import type { AuditEntry } from './audit.type.js';

/** At most this many entries per read. */
const MOST = 500;

/** The member's audit log, latest first (by the numeric id: `id` alone would sort the text alias): every change, or those to one table; `first` entries (1 to 500). */
export async function readAuditLog(session: EntityManager, entity: string | null, first: number): Promise<AuditEntry[]> {
  return (await session.query(
    `SELECT id::text, at, actor, action, entity, entity_id AS "entityId", before, after FROM audit_log
     WHERE $1::text IS NULL OR entity = $1 ORDER BY audit_log.id DESC LIMIT $2`,
    [entity, Math.min(Math.max(first, 1), MOST)],
  )) as AuditEntry[];
}
