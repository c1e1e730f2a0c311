import type { SubgraphServer } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { toSession } from './session.mapper.js';
import { sessionToICalendar } from './session-calendar.js';
import { LearningSessionEntity } from './session.entity.js';

/**
 * GET /sessions/{id}.ics: a session as a calendar file, for "add to
 * calendar" links (sessions are public). 404 for an unknown id.
 */
export function addSessionCalendarRoute(app: SubgraphServer['app'], dataSource: DataSource): void {
  app.get('/sessions/:id.ics', async (request, response) => {
    try {
      const id = String(request.params.id);
      const row = /^[a-z0-9-]{1,200}$/.test(id) ? await dataSource.getRepository(LearningSessionEntity).findOneBy({ id }) : null;
      if (!row) {
        response.status(404).type('text/plain').send('No such learning session.');
        return;
      }
      response
        .status(200)
        .type('text/calendar; charset=utf-8')
        .setHeader('content-disposition', `attachment; filename="${row.id}.ics"`)
        .send(sessionToICalendar(toSession(row)));
    } catch {
      response.status(503).type('text/plain').send('The calendar is not available right now.');
    }
  });
}
