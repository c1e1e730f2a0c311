import type { RegistrationStatus } from '../common/enums.js';
import type { SessionRegistrationEntity } from './registration.entity.js';
import type { SessionRegistration } from './registration.type.js';

export function toRegistration(row: SessionRegistrationEntity): SessionRegistration {
  return { id: row.id, status: row.status as RegistrationStatus, registeredAt: row.registeredAt, decidedAt: row.decidedAt, subject: row.subject, sessionId: row.sessionId };
}
