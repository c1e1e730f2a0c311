import { badInput, ErrorCode, HubError, notFound, recordAudit, referenceId, requiredText, type Principal } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { isNetworkAdmin } from '../common/access.js';
import { writeTransaction, type KnowledgeRequest } from '../common/request.js';
import type { ErasureReceipt, Person } from './person.type.js';

/*
 * Personal data apart. A name, an e-mail address and the link to a sign-in
 * subject are kept in `person` only; the directory, the forum and the audit
 * log carry the opaque `person_ref`. Erasure (a network admin, or the person
 * themselves) deletes the person row and their directory entry, unlinks
 * their forum threads and posts (the text stays, "Erased participant" shows
 * as author) and their registrations (still counted), in one transaction
 * with one audit row that names the reference only.
 */

/** How the forum shows an author whose personal data was erased. */
export const ERASED_PARTICIPANT = 'Erased participant';

/** The name a person is shown by: their directory name, else their sign-in subject; once erased, ERASED_PARTICIPANT. */
export function displayNameOf(person: Person | null): string {
  return person?.name ?? person?.subject ?? ERASED_PARTICIPANT;
}

/** The reference of the person signed in as `subject`, created (subject only, no name) at their first write. */
export async function personRefOf(manager: EntityManager, subject: string): Promise<string> {
  const [row]: { person_ref: string }[] = await manager.query(
    `INSERT INTO person (subject) VALUES ($1) ON CONFLICT (subject) DO UPDATE SET subject = EXCLUDED.subject RETURNING person_ref`,
    [subject],
  );
  return row!.person_ref;
}

const FOCAL_POINT_ID = /^[a-z0-9-]{1,200}$/;

/** Erase the person behind a directory entry (id as in `focalPoints { id }`). */
export async function eraseFocalPoint(request: KnowledgeRequest, id: string): Promise<ErasureReceipt> {
  signedIn(request.principal);
  const focalPointId = requiredText(id, 'id', { min: 1, max: 200 });
  if (!FOCAL_POINT_ID.test(focalPointId)) throw badInput('id', `id must be a directory entry's id (lower-case letters, digits and hyphens), got "${id}".`);
  return writeTransaction(request, async (manager) => {
    const [entry]: { person_ref: string }[] = await manager.query(`SELECT person_ref FROM focal_point WHERE id = $1`, [focalPointId]);
    if (!entry) throw notFound('id', 'focal point');
    return erase(manager, request.principal, entry.person_ref, 'id');
  });
}

/** Erase a person by reference (`FocalPoint.personRef`). */
export async function erasePerson(request: KnowledgeRequest, personRef: string): Promise<ErasureReceipt> {
  signedIn(request.principal);
  const ref = referenceId(personRef, 'personRef');
  return writeTransaction(request, (manager) => erase(manager, request.principal, ref, 'personRef'));
}

/**
 * Erase the caller's own personal data, found by their sign-in subject: a
 * forum author or a registrant without a directory entry has no reference
 * to give. NOT_FOUND when the hub holds nothing of them.
 */
export async function eraseMyPersonalData(request: KnowledgeRequest): Promise<ErasureReceipt> {
  signedIn(request.principal);
  return writeTransaction(request, async (manager) => {
    const [person]: { person_ref: string }[] = await manager.query(`SELECT person_ref FROM person WHERE subject = $1`, [request.principal.subject]);
    if (!person) throw new HubError(ErrorCode.NOT_FOUND, 'The network holds no personal data of yours.');
    return erase(manager, request.principal, person.person_ref, 'personRef');
  });
}

function signedIn(principal: Principal): void {
  if (principal.anonymous) throw new HubError(ErrorCode.UNAUTHENTICATED, 'Sign in to erase personal data.');
}

/**
 * One erasure, inside the caller's transaction. Erasing again finds no
 * person: NOT_FOUND (the first receipt is the only one).
 */
async function erase(manager: EntityManager, principal: Principal, personRef: string, field: string): Promise<ErasureReceipt> {
  const [person]: { subject: string | null }[] = await manager.query(`SELECT subject FROM person WHERE person_ref = $1 FOR UPDATE`, [personRef]);
  if (!person) throw notFound(field, 'person');
  if (!isNetworkAdmin(principal) && (person.subject === null || person.subject !== principal.subject)) {
    throw new HubError(ErrorCode.FORBIDDEN, "Only a network admin or the person themselves may erase a person's data.", { field });
  }
  let rowsAffected = 0;
  const run = async (sql: string, parameters: unknown[]) => {
    rowsAffected += affectedRows(await manager.query(sql, parameters));
  };
  await run(`DELETE FROM focal_point WHERE person_ref = $1`, [personRef]);
  await run(`UPDATE forum_thread SET author_ref = NULL WHERE author_ref = $1`, [personRef]);
  await run(`UPDATE forum_post SET author_ref = NULL WHERE author_ref = $1`, [personRef]);
  if (person.subject !== null) {
    // Registrations stay counted, under a subject that names nobody; invitations are only permissions.
    await run(`UPDATE session_registration SET subject = 'erased:' || gen_random_uuid() WHERE subject = $1`, [person.subject]);
    await run(`DELETE FROM session_invitation WHERE subject = $1`, [person.subject]);
    // Retry results of their writes (24 h) may hold what they wrote as they were.
    await run(`DELETE FROM idempotency_key WHERE actor = $1`, [person.subject]);
  }
  await run(`DELETE FROM person WHERE person_ref = $1`, [personRef]);
  const receipt: ErasureReceipt = { personRef, erasedAt: new Date(), rowsAffected };
  await recordAudit(manager, { actor: principal.subject, action: 'erasePerson', entity: 'person', entityId: personRef, after: receipt });
  return receipt;
}

/** Rows an UPDATE or DELETE changed (TypeORM's postgres driver answers [rows, count]). */
function affectedRows(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
