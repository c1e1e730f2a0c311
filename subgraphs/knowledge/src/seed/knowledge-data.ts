import { loadKnowledge } from '@wps/data';
import type { DataSource } from 'typeorm';

/** "NAP lines in the national budget" → "nap-lines-in-the-national-budget". */
export function slugOf(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Upsert the real sessions and practices of data/knowledge.json. Runs at every
 * start in one transaction; items are not demo data (isDemo false).
 */
export async function seedKnowledgeData(dataSource: DataSource): Promise<{ sessions: number; practices: number }> {
  const knowledge = loadKnowledge();
  const sessionYears = new Map(knowledge.sessions.map((session) => [session.key, Number(session.starts.slice(0, 4))]));
  await dataSource.transaction(async (manager) => {
    for (const session of knowledge.sessions) {
      await manager.query(
        `INSERT INTO learning_session (id, title, kind, series, starts_at, ends_at, hosts, access, chatham_house, formats, objectives, guiding_questions, themes, participants)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (id) DO UPDATE SET title = $2, kind = $3, series = $4, starts_at = $5, ends_at = $6, hosts = $7, access = $8,
           chatham_house = $9, formats = $10, objectives = $11, guiding_questions = $12, themes = $13, participants = $14`,
        [
          session.key,
          session.title,
          session.kind,
          session.series ?? null,
          session.starts,
          session.ends ?? null,
          session.hosts ?? session.organisers ?? [],
          session.access ?? null,
          session.rules === 'CHATHAM_HOUSE',
          session.format ?? [],
          session.objectives ?? [],
          session.guidingQuestions ?? [],
          session.themes,
          session.participants ?? null,
        ],
      );
    }
    for (const practice of knowledge.goodPractices) {
      const sessionId = sessionYears.has(practice.source) ? practice.source : null;
      await manager.query(
        `INSERT INTO good_practice (id, title, summary, themes, country_codes, source, session_id, year)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
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
  });
  return { sessions: knowledge.sessions.length, practices: knowledge.goodPractices.length };
}
