import { currentIdempotency, runIdempotent, type Principal } from '@wps/kit';
import type { DataSource, EntityManager } from 'typeorm';

/** What a service of the knowledge exchange works with: the database, and who asks (from the token alone). */
export interface KnowledgeRequest {
  dataSource: DataSource;
  principal: Principal;
}

/**
 * A write of the request, in one transaction. Sent with an idempotency key
 * (kit idempotency.ts), a retry returns the first result and writes nothing.
 */
export function writeTransaction<T>(request: KnowledgeRequest, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return request.dataSource.transaction((manager) => runIdempotent(manager, request.principal.subject, currentIdempotency(request), () => work(manager)));
}
