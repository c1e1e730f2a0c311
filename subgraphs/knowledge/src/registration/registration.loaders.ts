import { createRowLoader } from '@wps/kit';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { KnowledgeRequest } from '../common/request.js';
import { SessionRegistrationEntity } from './registration.entity.js';
import { toRegistration } from './registration.mapper.js';
import type { SessionRegistration } from './registration.type.js';

/** Seats at sessions, per request. */
export function createRegistrationLoaders(request: KnowledgeRequest) {
  const { dataSource, principal } = request;
  return {
    /** Seats taken (CONFIRMED or PENDING) per session. */
    seatsTakenBySession: new DataLoader<string, number>(async (ids) => {
      const rows: { session_id: string; taken: number }[] = await dataSource.query(
        `SELECT session_id, count(*)::int AS taken FROM session_registration WHERE session_id = ANY($1) AND status IN ('CONFIRMED', 'PENDING') GROUP BY session_id`,
        [[...ids]],
      );
      const taken = new Map(rows.map((row) => [row.session_id, row.taken]));
      return ids.map((id) => taken.get(id) ?? 0);
    }),
    /** The asking member's own registration per session (none for the public). */
    myRegistrationBySession: createRowLoader<string, SessionRegistration>(
      async (ids) =>
        principal.anonymous ? [] : (await dataSource.getRepository(SessionRegistrationEntity).findBy({ sessionId: In([...ids]), subject: principal.subject })).map(toRegistration),
      (registration) => registration.sessionId,
    ),
  };
}

export type RegistrationLoaders = ReturnType<typeof createRegistrationLoaders>;
