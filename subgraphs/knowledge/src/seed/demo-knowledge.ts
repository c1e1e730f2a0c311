import { TZDate } from '@date-fns/tz';
import { DEMO_MEMBERS, napHistoryOf } from '@wps/data';
import type { DataSource, EntityManager } from 'typeorm';
import { slugOf } from '../common/slug.js';
import { isoWithOffset } from '../session/session-time.js';
import { createRandom, pick, uuidFromName } from '@wps/kit';
import {
  DEMO_PRACTICES,
  DEMO_RESOURCES,
  DEMO_SESSIONS,
  DEMO_THREADS,
  FIRST_NAMES,
  LAST_NAMES,
  REGIONAL_FOCAL_POINTS,
  STATE_ROLES,
  type DemoSessionTemplate,
} from './demo-content.js';
import { seedDemoCivicVoice } from './demo-civic-voice.js';

export interface DemoSeedSummary {
  practices: number;
  sessions: number;
  resources: number;
  focalPoints: number;
  threads: number;
  posts: number;
  civicStatements: number;
}

const DAY_MS = 86_400_000;
const SOURCE = 'Demo network (generated, not a real practice)';

/** Ids of demo items: "demo-" and the template key, stable across seeds (a session keeps its id when the seed date moves it). */
export const demoSessionId = (key: string) => `demo-${key}`;
export const demoPracticeId = (key: string) => `demo-${key}`;
/** The token subject of a demo focal point, e.g. "demo-focal-point-ke" or "demo-focal-point-au". */
export const demoFocalPointSubject = (code: string) => `demo-focal-point-${code.toLowerCase()}`;

/** Midnight UTC of the seed date: every relative date is counted from it, so one day's seeds are identical. */
function seedDay(today: Date): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
}

function demoSchedule(template: DemoSessionTemplate, day: Date) {
  const date = new Date(day.getTime() + template.dayOffset * DAY_MS);
  const [hour, minute] = template.localStart.split(':').map(Number) as [number, number];
  const start = new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hour, minute, 0, 0, template.timeZone);
  const end = new TZDate(start.getTime() + template.minutes * 60_000, template.timeZone);
  return { startsAt: isoWithOffset(start), endsAt: isoWithOffset(end), startInstant: new Date(start.getTime()), endInstant: new Date(end.getTime()) };
}

const countryName = (code: string) => napHistoryOf(code)?.name ?? code;
const emailOf = (name: string) => `${slugOf(name).replace(/-/g, '.')}@example.org`;

/**
 * Seed the generated demo items of the knowledge exchange, all flagged
 * `isDemo`: practices tied to demo members, upcoming sessions (relative to
 * `today`, at local times in an explicit IANA time zone) and one past one,
 * resources, focal points of the demo members and regional organisations,
 * and forum threads. Deterministic for a given day; upserts, so running it
 * again keeps one row per item (sessions move with the seed date so the
 * demo calendar always has upcoming sessions). Run after seedKnowledgeData.
 */
export async function seedDemoKnowledge(dataSource: DataSource, today: Date = new Date()): Promise<DemoSeedSummary> {
  const day = seedDay(today);
  const random = createRandom('knowledge-demo');
  return dataSource.transaction(async (manager) => {
    // One seeder at a time per database.
    await manager.query('SELECT pg_advisory_xact_lock(1325, 2)');
    const summary: DemoSeedSummary = { practices: 0, sessions: 0, resources: 0, focalPoints: 0, threads: 0, posts: 0, civicStatements: 0 };

    for (const template of DEMO_SESSIONS) {
      const schedule = demoSchedule(template, day);
      await manager.query(
        `INSERT INTO learning_session (id, title, kind, series, starts_at, ends_at, time_zone, start_instant, end_instant, hosts, access, chatham_house,
           formats, objectives, guiding_questions, outcomes, themes, participants, capacity, summary, url, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, true)
         ON CONFLICT (id) DO UPDATE SET title = $2, kind = $3, series = $4, starts_at = $5, ends_at = $6, time_zone = $7, start_instant = $8,
           end_instant = $9, hosts = $10, access = $11, chatham_house = $12, formats = $13, objectives = $14, guiding_questions = $15,
           outcomes = $16, themes = $17, participants = $18, capacity = $19, summary = $20, url = $21, is_demo = true`,
        [
          demoSessionId(template.key),
          template.title,
          template.kind,
          template.series,
          schedule.startsAt,
          schedule.endsAt,
          template.timeZone,
          schedule.startInstant,
          schedule.endInstant,
          template.hosts,
          template.access,
          template.chathamHouse,
          template.formats,
          template.objectives,
          template.guidingQuestions,
          template.outcomes,
          template.themes,
          template.participants,
          template.capacity,
          `Demo session. ${template.summary}`,
          `https://example.org/fpn/sessions/${demoSessionId(template.key)}`,
        ],
      );
      summary.sessions += 1;
    }

    for (const template of DEMO_PRACTICES) {
      const year = day.getUTCFullYear() - 1 - Math.floor(random() * 5);
      await manager.query(
        `INSERT INTO good_practice (id, title, summary, themes, country_codes, pillars, frameworks, source, year, evidence, status, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'PUBLISHED', true)
         ON CONFLICT (id) DO UPDATE SET title = $2, summary = $3, themes = $4, country_codes = $5, pillars = $6, frameworks = $7, source = $8,
           year = $9, evidence = $10, is_demo = true`,
        [demoPracticeId(template.key), template.title, template.summary, template.themes, template.countries, template.pillars, template.frameworks, SOURCE, year, template.evidence],
      );
      summary.practices += 1;
    }

    for (const template of DEMO_RESOURCES) {
      await manager.query(
        `INSERT INTO resource (id, title, kind, publisher, year, summary, themes, country_codes, frameworks, pillars, url, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true)
         ON CONFLICT (id) DO UPDATE SET title = $2, kind = $3, publisher = $4, year = $5, summary = $6, themes = $7, country_codes = $8,
           frameworks = $9, pillars = $10, url = $11, is_demo = true`,
        [
          `demo-${template.key}`,
          template.title,
          template.kind,
          template.publisher,
          day.getUTCFullYear() - template.yearsAgo,
          template.summary,
          template.themes,
          template.countries,
          template.frameworks,
          template.pillars,
          `https://example.org/fpn/resources/demo-${template.key}`,
        ],
      );
      summary.resources += 1;
    }

    const refs = new Map<string, string>();
    const usedNames = new Set<string>();
    const nameFor = () => {
      for (;;) {
        const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
        if (!usedNames.has(name)) {
          usedNames.add(name);
          return name;
        }
      }
    };
    const upsertFocalPoint = async (code: string, row: { name: string; organisation: string; kind: string; country: string | null; regional: string | null; role: string }) => {
      // The person (name, e-mail, sign-in subject) apart from the entry; an erased demo person comes back at the next seed.
      const [{ person_ref: personRef }]: { person_ref: string }[] = await manager.query(
        `INSERT INTO person (name, email, subject, is_demo) VALUES ($1, $2, $3, true)
         ON CONFLICT (subject) DO UPDATE SET name = $1, email = $2, is_demo = true RETURNING person_ref`,
        [row.name, emailOf(row.name), demoFocalPointSubject(code)],
      );
      await manager.query(
        `INSERT INTO focal_point (id, person_ref, organisation, organisation_kind, country_code, regional_organisation, role, is_demo)
         VALUES ($1, $2, $3, $4, $5, $6, $7, true)
         ON CONFLICT (id) DO UPDATE SET person_ref = $2, organisation = $3, organisation_kind = $4, country_code = $5,
           regional_organisation = $6, role = $7, is_demo = true`,
        [demoFocalPointSubject(code), personRef, row.organisation, row.kind, row.country, row.regional, row.role],
      );
      refs.set(code, personRef);
      summary.focalPoints += 1;
    };
    for (const code of DEMO_MEMBERS) {
      const role = pick(random, STATE_ROLES);
      const ministry = role.includes('Ministry of') ? role.slice(role.indexOf('Ministry of')) : 'Ministry of Foreign Affairs';
      await upsertFocalPoint(code, { name: nameFor(), organisation: `${ministry}, ${countryName(code)}`, kind: 'STATE', country: code, regional: null, role });
    }
    for (const regional of REGIONAL_FOCAL_POINTS) {
      await upsertFocalPoint(regional.regional, { name: nameFor(), organisation: regional.organisation, kind: 'REGIONAL_ORGANISATION', country: null, regional: regional.regional, role: regional.role });
    }

    for (const template of DEMO_THREADS) {
      const threadId = uuidFromName(`knowledge-demo-thread:${template.key}`);
      const sessionId = template.session?.startsWith('demo:') ? demoSessionId(template.session.slice(5)) : template.session;
      const openedAt = new Date(day.getTime() - template.daysAgo * DAY_MS + 9 * 3_600_000);
      const [firstAuthor] = template.posts[0]!;
      await insertThread(manager, { id: threadId, sessionId, title: template.title, authorRef: refs.get(firstAuthor)!, createdAt: openedAt });
      summary.threads += 1;
      for (const [index, [author, body]] of template.posts.entries()) {
        await manager.query(
          `INSERT INTO forum_post (id, thread_id, body, author_ref, created_at, is_demo) VALUES ($1, $2, $3, $4, $5, true)
           ON CONFLICT (id) DO UPDATE SET body = $3, author_ref = $4, created_at = $5`,
          [uuidFromName(`knowledge-demo-post:${template.key}:${index}`), threadId, body, refs.get(author)!, new Date(openedAt.getTime() + index * 5 * 3_600_000)],
        );
        summary.posts += 1;
      }
    }
    summary.civicStatements = await seedDemoCivicVoice(manager, day);
    return summary;
  });
}

async function insertThread(
  manager: EntityManager,
  thread: { id: string; sessionId: string | null; title: string; authorRef: string; createdAt: Date },
): Promise<void> {
  await manager.query(
    `INSERT INTO forum_thread (id, session_id, title, author_ref, created_at, is_demo) VALUES ($1, $2, $3, $4, $5, true)
     ON CONFLICT (id) DO UPDATE SET session_id = $2, title = $3, author_ref = $4, created_at = $5`,
    [thread.id, thread.sessionId, thread.title, thread.authorRef, thread.createdAt],
  );
}
