import { randomUUID } from 'node:crypto';
import { badInput, ErrorCode, HubError, notFound, postgresErrorOf, recordAudit, referenceId, requireRole, requiredText, UNIQUE_VIOLATION } from '@wps/kit';
import { In, type EntityManager } from 'typeorm';
import { ADMIN_ROLES, NETWORK_ROLES } from '../common/access.js';
import { RegistrationDecision, RegistrationStatus, SessionAccess } from '../common/enums.js';
import { writeTransaction, type KnowledgeRequest } from '../common/request.js';
import { LearningSessionEntity } from '../session/session.entity.js';
import { hasEnded } from '../session/session-time.js';
import { SessionInvitationEntity } from './invitation.entity.js';
import { SessionRegistrationEntity } from './registration.entity.js';
import { toRegistration } from './registration.mapper.js';
import type { SessionInvitation, SessionRegistration } from './registration.type.js';

const ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING];

/*
 * Seats at learning sessions. Every write locks the session row
 * (SELECT … FOR UPDATE) first, so concurrent registrations for one session
 * queue and capacity holds; each write records its audit row in the same
 * transaction. A refused registration writes nothing.
 */

/**
 * Register the caller. OPEN: confirmed; ON_REQUEST: pending until an admin
 * decides; INVITATION_ONLY: only with an invitation (FORBIDDEN otherwise).
 * Refused (BAD_USER_INPUT, with `reason`) when the session is past
 * (SESSION_PAST), full (SESSION_FULL) or the caller already has a seat or
 * request (ALREADY_REGISTERED).
 */
export async function registerForSession(request: KnowledgeRequest, sessionId: string): Promise<SessionRegistration> {
  requireRole(request.principal, NETWORK_ROLES, 'register for a learning session');
  const subject = request.principal.subject;
  try {
    return await writeTransaction(request, async (manager) => {
      const session = await lockSession(manager, sessionId);
      if (hasEnded(session, new Date())) {
        throw new HubError(ErrorCode.BAD_USER_INPUT, `"${session.title}" has already taken place; registration is closed.`, { field: 'sessionId', reason: 'SESSION_PAST' });
      }
      if (session.access === SessionAccess.INVITATION_ONLY && !(await manager.existsBy(SessionInvitationEntity, { sessionId: session.id, subject }))) {
        throw new HubError(ErrorCode.FORBIDDEN, `"${session.title}" is by invitation only, and you have not been invited.`, { field: 'sessionId', reason: 'INVITATION_REQUIRED' });
      }
      const existing = await manager.findOneBy(SessionRegistrationEntity, { sessionId: session.id, subject });
      if (existing && ACTIVE.includes(existing.status as RegistrationStatus)) throw alreadyRegistered(session.title, existing.status);
      if (existing?.status === RegistrationStatus.DECLINED) {
        throw new HubError(ErrorCode.BAD_USER_INPUT, `Your request for "${session.title}" was declined.`, { field: 'sessionId', reason: 'REQUEST_DECLINED' });
      }
      if (session.capacity !== null) {
        const taken = await manager.countBy(SessionRegistrationEntity, { sessionId: session.id, status: In(ACTIVE) });
        if (taken >= session.capacity) {
          throw new HubError(ErrorCode.BAD_USER_INPUT, `"${session.title}" is full (${session.capacity} seats).`, { field: 'sessionId', reason: 'SESSION_FULL', capacity: session.capacity });
        }
      }
      const status = session.access === SessionAccess.ON_REQUEST ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
      let id: string;
      if (existing) {
        // A cancelled registration is re-opened: one row per member and session.
        await manager.update(SessionRegistrationEntity, { id: existing.id }, { status, registeredAt: new Date(), decidedBy: null, decidedAt: null });
        id = existing.id;
      } else {
        id = randomUUID();
        await manager.insert(SessionRegistrationEntity, { id, sessionId: session.id, subject, status, registeredAt: new Date() });
      }
      const registration = toRegistration(await manager.findOneByOrFail(SessionRegistrationEntity, { id }));
      await recordAudit(manager, {
        actor: subject,
        action: 'registerForSession',
        entity: 'session_registration',
        entityId: id,
        before: existing ? toRegistration(existing) : undefined,
        after: registration,
      });
      return registration;
    });
  } catch (error) {
    // Two requests of the same member at once: the unique constraint refuses the second.
    if (postgresErrorOf(error).code === UNIQUE_VIOLATION) throw alreadyRegistered(sessionId, RegistrationStatus.CONFIRMED);
    throw error;
  }
}

/** The caller gives up their seat or request. */
export async function cancelRegistration(request: KnowledgeRequest, sessionId: string): Promise<SessionRegistration> {
  requireRole(request.principal, NETWORK_ROLES, 'cancel a registration');
  return writeTransaction(request, async (manager) => {
    const session = await lockSession(manager, sessionId);
    const existing = await manager.findOneBy(SessionRegistrationEntity, { sessionId: session.id, subject: request.principal.subject });
    if (!existing || !ACTIVE.includes(existing.status as RegistrationStatus)) {
      throw new HubError(ErrorCode.BAD_USER_INPUT, `You are not registered for "${session.title}".`, { field: 'sessionId', reason: 'NOT_REGISTERED' });
    }
    await manager.update(SessionRegistrationEntity, { id: existing.id }, { status: RegistrationStatus.CANCELLED });
    const registration = toRegistration(await manager.findOneByOrFail(SessionRegistrationEntity, { id: existing.id }));
    await recordAudit(manager, { actor: request.principal.subject, action: 'cancelSessionRegistration', entity: 'session_registration', entityId: existing.id, before: toRegistration(existing), after: registration });
    return registration;
  });
}

/** A network admin confirms or declines a PENDING request. */
export async function reviewRegistration(request: KnowledgeRequest, registrationId: string, decision: RegistrationDecision): Promise<SessionRegistration> {
  requireRole(request.principal, ADMIN_ROLES, 'decide registration requests');
  referenceId(registrationId, 'id');
  return writeTransaction(request, async (manager) => {
    const found = await manager.findOneBy(SessionRegistrationEntity, { id: registrationId });
    if (!found) throw notFound('id', 'registration');
    await lockSession(manager, found.sessionId);
    const existing = await manager.findOneByOrFail(SessionRegistrationEntity, { id: registrationId });
    if (existing.status !== RegistrationStatus.PENDING) {
      throw new HubError(ErrorCode.BAD_USER_INPUT, `Only a PENDING request can be decided; this one is ${existing.status}.`, { field: 'id', reason: 'NOT_PENDING' });
    }
    const status = decision === RegistrationDecision.CONFIRM ? RegistrationStatus.CONFIRMED : RegistrationStatus.DECLINED;
    await manager.update(SessionRegistrationEntity, { id: existing.id }, { status, decidedBy: request.principal.subject, decidedAt: new Date() });
    const registration = toRegistration(await manager.findOneByOrFail(SessionRegistrationEntity, { id: existing.id }));
    await recordAudit(manager, { actor: request.principal.subject, action: 'reviewSessionRegistration', entity: 'session_registration', entityId: existing.id, before: toRegistration(existing), after: registration });
    return registration;
  });
}

/** A network admin invites a member (by sign-in subject) to a session; inviting twice keeps one invitation. */
export async function inviteToSession(request: KnowledgeRequest, sessionId: string, subjectInput: string): Promise<SessionInvitation> {
  requireRole(request.principal, ADMIN_ROLES, 'invite members to sessions');
  const subject = requiredText(subjectInput, 'subject', { min: 1, max: 200 });
  return writeTransaction(request, async (manager) => {
    const session = await lockSession(manager, sessionId);
    if (hasEnded(session, new Date())) throw badInput('sessionId', `"${session.title}" has already taken place.`, { reason: 'SESSION_PAST' });
    const existing = await manager.findOneBy(SessionInvitationEntity, { sessionId: session.id, subject });
    if (existing) return { subject, invitedAt: existing.invitedAt, sessionId: session.id };
    await manager.insert(SessionInvitationEntity, { sessionId: session.id, subject, invitedBy: request.principal.subject, invitedAt: new Date() });
    const invitation = await manager.findOneByOrFail(SessionInvitationEntity, { sessionId: session.id, subject });
    const after = { sessionId: session.id, subject, invitedAt: invitation.invitedAt };
    await recordAudit(manager, { actor: request.principal.subject, action: 'inviteToSession', entity: 'session_invitation', entityId: `${session.id}/${subject}`, after });
    return after;
  });
}

/** The caller's registrations, soonest session first (none for the public). */
export async function myRegistrations(request: KnowledgeRequest): Promise<SessionRegistration[]> {
  if (request.principal.anonymous) return [];
  const rows = await request.dataSource
    .getRepository(SessionRegistrationEntity)
    .createQueryBuilder('registration')
    .innerJoin(LearningSessionEntity, 'session', 'session.id = registration.session_id')
    .where('registration.subject = :subject', { subject: request.principal.subject })
    .orderBy('session.start_instant', 'ASC')
    .getMany();
  return rows.map(toRegistration);
}

/** Everyone registered for a session (network admins only). */
export async function registrationsOf(request: KnowledgeRequest, sessionId: string): Promise<SessionRegistration[]> {
  requireRole(request.principal, ADMIN_ROLES, "see a session's registrations");
  const rows = await request.dataSource.getRepository(SessionRegistrationEntity).find({ where: { sessionId }, order: { registeredAt: 'ASC', id: 'ASC' } });
  return rows.map(toRegistration);
}

function alreadyRegistered(session: string, status: string): HubError {
  return new HubError(ErrorCode.BAD_USER_INPUT, `You are already registered for "${session}" (${status}).`, { field: 'sessionId', reason: 'ALREADY_REGISTERED' });
}

async function lockSession(manager: EntityManager, sessionId: string) {
  const session = await manager.findOne(LearningSessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
  if (!session) throw notFound('sessionId', 'learning session');
  return session;
}
