import { loadKnowledge } from '@wps/data';
import type { DataSource } from 'typeorm';
import { slugOf } from '../common/slug.js';
import { scheduleFromRecord } from '../session/session-time.js';
import { REAL_RESOURCE_TAGS } from './real-resource-tags.js';

export { slugOf } from '../common/slug.js';

export interface RealSeedSummary {
  sessions: number;
  practices: number;
  resources: number;
}

/**
 * Upsert the real sessions, practices and resources of data/knowledge.json.
 * Runs at every start in one transaction; items are not demo data (isDemo
 * false) and keep their sources. Registrations, forum threads and moderation
 * of proposals are never touched.
 */
export async function seedKnowledgeData(dataSource: DataSource): Promise<RealSeedSummary> {
  const knowledge = loadKnowledge();
  const sessionYears = new Map(knowledge.sessions.map((session) => [session.key, Number(session.starts.slice(0, 4))]));
  await dataSource.transaction(async (manager) => {
    for (const session of knowledge.sessions) {
      const schedule = scheduleFromRecord(session.starts, session.ends);
      const summary = [
        session.previousSession ? `Follow-up to the session of ${session.previousSession}.` : null,
        session.forum ? `${session.forum}.` : null,
        session.survey ? `Survey: ${session.survey.respondents} respondents (${session.survey.by}).` : null,
      ].filter((part): part is string => part !== null);
      await manager.query(
        `INSERT INTO learning_session (id, title, kind, series, starts_at, ends_at, hosts, access, chatham_house, formats, objectives, guiding_questions, themes,
           participants, time_zone, start_instant, end_instant, modules, breakout_themes, summary)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         ON CONFLICT (id) DO UPDATE SET title = $2, kind = $3, series = $4, starts_at = $5, ends_at = $6, hosts = $7, access = $8,
           chatham_house = $9, formats = $10, objectives = $11, guiding_questions = $12, themes = $13, participants = $14,
           time_zone = $15, start_instant = $16, end_instant = $17, modules = $18, breakout_themes = $19, summary = $20`,
        [
          session.key,
          session.title,
          session.kind,
          session.series ?? null,
          schedule.startsAt,
          schedule.endsAt,
          session.hosts ?? session.organisers ?? [],
          session.access ?? null,
          session.rules === 'CHATHAM_HOUSE',
          session.format ?? [],
          session.objectives ?? [],
          session.guidingQuestions ?? [],
          session.themes,
          session.participants ?? null,
          schedule.timeZone,
          schedule.startInstant,
          schedule.endInstant,
          session.modules ?? [],
          session.breakoutThemes ?? [],
          summary.length > 0 ? summary.join(' ') : null,
        ],
      );
    }
    for (const practice of knowledge.goodPractices) {
      const sessionId = sessionYears.has(practice.source) ? practice.source : null;
      await manager.query(
        `INSERT INTO good_practice (id, title, summary, themes, country_codes, source, session_id, year, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PUBLISHED')
         ON CONFLICT (id) DO UPDATE SET title = $2, summary = $3, themes = $4, country_codes = $5, source = $6, session_id = $7, year = $8`,
        [
          slugOf(practice.title),
          practice.title,
          practice.summary,
          practice.themes,
          practice.country ? [practice.country] : [],
          practice.source,
          sessionId,
          sessionId ? sessionYears.get(sessionId) : null,
        ],
      );
    }
    for (const resource of knowledge.resources) {
      const id = slugOf(resource.title);
      const tags = REAL_RESOURCE_TAGS[id] ?? { themes: [], countryCodes: [], frameworks: [] };
      await manager.query(
        `INSERT INTO resource (id, title, kind, publisher, year, summary, themes, country_codes, frameworks)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET title = $2, kind = $3, publisher = $4, year = $5, summary = $6, themes = $7, country_codes = $8, frameworks = $9`,
        [id, resource.title, resource.kind, resource.publisher, resource.year ?? null, resource.facts ?? null, tags.themes, tags.countryCodes, tags.frameworks],
      );
    }
  });
  return { sessions: knowledge.sessions.length, practices: knowledge.goodPractices.length, resources: knowledge.resources.length };
}
