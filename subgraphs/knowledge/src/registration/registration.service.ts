import { randomUUID } from 'node:crypto';
import { badInput, ErrorCode, HubError, isUuid, recordAudit, requireRole, type Principal } from '@wps/kit';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ADMIN_ROLES, isNetworkAdmin, NETWORK_ROLES } from '../common/access.js';
import { boundedText, notFound, postgresCode } from '../common/input-rules.js';
import { RegistrationDecision, RegistrationStatus, SessionAccess } from '../enums.js';
import { toRegistration } from '../mappers.js';
import { LearningSessionEntity } from '../session/session.entity.js';
import { hasEnded } from '../session/session-time.js';
import { SessionInvitationEntity } from './invitation.entity.js';
import { SessionRegistrationEntity } from './registration.entity.js';
import type { SessionInvitation, SessionRegistration } from './registration.type.js';

const ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.PENDING];

/**
 * Seats at learning sessions. Every write locks the session row
 * (SELECT … FOR UPDATE) first, so concurrent registrations for one session
 * queue and capacity holds; each write records its audit row in the same
 * transaction. A refused registration writes nothing.
 */
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly principal: Principal,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Register the caller. OPEN: confirmed; ON_REQUEST: pending until an admin
   * decides; INVITATION_ONLY: only with an invitation (FORBIDDEN otherwise).
   * Refused (BAD_USER_INPUT, with `reason`) when the session is past
   * (SESSION_PAST), full (SESSION_FULL) or the caller already has a seat or
   * request (ALREADY_REGISTERED).
   */
  async register(sessionId: string): Promise<SessionRegistration> {
    requireRole(this.principal, NETWORK_ROLES, 'register for a learning session');
    const subject = this.principal.subject;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const session = await lockSession(manager, sessionId);
        if (hasEnded(session, this.now())) {
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
          await manager.update(SessionRegistrationEntity, { id: existing.id }, { status, registeredAt: this.now(), decidedBy: null, decidedAt: null });
          id = existing.id;
        } else {
          id = randomUUID();
          await manager.insert(SessionRegistrationEntity, { id, sessionId: session.id, subject, status, registeredAt: this.now() });
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
      if (postgresCode(error) === '23505') throw alreadyRegistered(sessionId, RegistrationStatus.CONFIRMED);
      throw error;
    }
  }

  /** The caller gives up their seat or request. */
  async cancel(sessionId: string): Promise<SessionRegistration> {
    requireRole(this.principal, NETWORK_ROLES, 'cancel a registration');
    return this.dataSource.transaction(async (manager) => {
      const session = await lockSession(manager, sessionId);
      const existing = await manager.findOneBy(SessionRegistrationEntity, { sessionId: session.id, subject: this.principal.subject });
      if (!existing || !ACTIVE.includes(existing.status as RegistrationStatus)) {
        throw new HubError(ErrorCode.BAD_USER_INPUT, `You are not registered for "${session.title}".`, { field: 'sessionId', reason: 'NOT_REGISTERED' });
      }
      await manager.update(SessionRegistrationEntity, { id: existing.id }, { status: RegistrationStatus.CANCELLED });
      const registration = toRegistration(await manager.findOneByOrFail(SessionRegistrationEntity, { id: existing.id }));
      await recordAudit(manager, { actor: this.principal.subject, action: 'cancelSessionRegistration', entity: 'session_registration', entityId: existing.id, before: toRegistration(existing), after: registration });
      return registration;
    });
  }

  /** A network admin confirms or declines a PENDING request. */
  async review(registrationId: string, decision: RegistrationDecision): Promise<SessionRegistration> {
    requireRole(this.principal, ADMIN_ROLES, 'decide registration requests');
    if (!isUuid(registrationId)) throw badInput('id', `id must be a registration id (a UUID), got "${registrationId}".`);
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(SessionRegistrationEntity, { id: registrationId });
      if (!found) throw notFound('registration', registrationId);
      await lockSession(manager, found.sessionId);
      const existing = await manager.findOneByOrFail(SessionRegistrationEntity, { id: registrationId });
      if (existing.status !== RegistrationStatus.PENDING) {
        throw new HubError(ErrorCode.BAD_USER_INPUT, `Only a PENDING request can be decided; this one is ${existing.status}.`, { field: 'id', reason: 'NOT_PENDING' });
      }
      const status = decision === RegistrationDecision.CONFIRM ? RegistrationStatus.CONFIRMED : RegistrationStatus.DECLINED;
      await manager.update(SessionRegistrationEntity, { id: existing.id }, { status, decidedBy: this.principal.subject, decidedAt: this.now() });
      const registration = toRegistration(await manager.findOneByOrFail(SessionRegistrationEntity, { id: existing.id }));
      await recordAudit(manager, { actor: this.principal.subject, action: 'reviewSessionRegistration', entity: 'session_registration', entityId: existing.id, before: toRegistration(existing), after: registration });
      return registration;
    });
  }

  /** A network admin invites a member (by sign-in subject) to a session; inviting twice keeps one invitation. */
  async invite(sessionId: string, subjectInput: string): Promise<SessionInvitation> {
    requireRole(this.principal, ADMIN_ROLES, 'invite members to sessions');
    const subject = boundedText(subjectInput, 'subject', 1, 200);
    return this.dataSource.transaction(async (manager) => {
      const session = await lockSession(manager, sessionId);
      if (hasEnded(session, this.now())) throw badInput('sessionId', `"${session.title}" has already taken place.`, { reason: 'SESSION_PAST' });
      const existing = await manager.findOneBy(SessionInvitationEntity, { sessionId: session.id, subject });
      if (existing) return { subject, invitedAt: existing.invitedAt, sessionId: session.id };
      await manager.insert(SessionInvitationEntity, { sessionId: session.id, subject, invitedBy: this.principal.subject, invitedAt: this.now() });
      const invitation = await manager.findOneByOrFail(SessionInvitationEntity, { sessionId: session.id, subject });
      const after = { sessionId: session.id, subject, invitedAt: invitation.invitedAt };
      await recordAudit(manager, { actor: this.principal.subject, action: 'inviteToSession', entity: 'session_invitation', entityId: `${session.id}/${subject}`, after });
      return after;
    });
  }

  /** The caller's registrations, soonest session first (none for the public). */
  async mine(): Promise<SessionRegistration[]> {
    if (this.principal.anonymous) return [];
    const rows = await this.dataSource
      .getRepository(SessionRegistrationEntity)
      .createQueryBuilder('registration')
      .innerJoin(LearningSessionEntity, 'session', 'session.id = registration.session_id')
      .where('registration.subject = :subject', { subject: this.principal.subject })
      .orderBy('session.start_instant', 'ASC')
      .getMany();
    return rows.map(toRegistration);
  }

  /** Everyone registered for a session (network admins only). */
  async forSession(sessionId: string): Promise<SessionRegistration[]> {
    requireRole(this.principal, ADMIN_ROLES, "see a session's registrations");
    const rows = await this.dataSource.getRepository(SessionRegistrationEntity).find({ where: { sessionId }, order: { registeredAt: 'ASC', id: 'ASC' } });
    return rows.map(toRegistration);
  }

  /** Whether the caller may see this registration (their own, or any for admins). */
  canSee(registration: SessionRegistration): boolean {
    return isNetworkAdmin(this.principal) || (!this.principal.anonymous && registration.subject === this.principal.subject);
  }
}

function alreadyRegistered(session: string, status: string): HubError {
  return new HubError(ErrorCode.BAD_USER_INPUT, `You are already registered for "${session}" (${status}).`, { field: 'sessionId', reason: 'ALREADY_REGISTERED' });
}

async function lockSession(manager: EntityManager, sessionId: string) {
  const session = await manager.findOne(LearningSessionEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
  if (!session) throw notFound('learning session', sessionId);
  return session;
}
