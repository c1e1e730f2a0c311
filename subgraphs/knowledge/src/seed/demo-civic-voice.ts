import { napHistoryOf } from '@wps/data';
import { uuidFromName } from '@wps/kit';
import type { EntityManager } from 'typeorm';
import { CivicAuthorKind, CivicStatementKind, CivicStatementStatus, CivicTarget } from '../civic-voice/civic-enums.js';

/**
 * Demo civic statements: published shadow reports and comments by clearly
 * fictional organisations (registered civic authors, flagged `is_demo`), on
 * the demo plans of Nigeria. A plan's id is the one the member's demo seed
 * gives it (nap seed-demo-member.ts: `uuidFromName("<ISO2>:plan:<iteration>")`),
 * so the gateway joins them to the member's plan. Kenya is left out on
 * purpose: the civic-voice tests publish on Kenya's plan and read Kenya's
 * statements as exactly their own.
 *
 * Published rows are fixed (the trigger of migration 1764700000000 refuses
 * UPDATE and DELETE), so the seed inserts each once and leaves an existing
 * row as it is: a statement's text never changes once seeded.
 */

const DEMO_AUTHOR = 'Demo network (fictional organisation)';
const demoStatementId = (key: string) => uuidFromName(`civic-demo:${key}`);

interface DemoAuthor {
  subject: string;
  organisation: string;
  kind: CivicAuthorKind;
  countryCode: string;
}

const AUTHORS: DemoAuthor[] = [
  { subject: 'demo-cso-ng-women-peace', organisation: 'Demo Women Peacebuilders Forum Nigeria (fictional)', kind: CivicAuthorKind.CSO, countryCode: 'NG' },
  { subject: 'demo-parliament-ng', organisation: 'Demo Parliamentary Caucus on Women, Peace and Security (fictional)', kind: CivicAuthorKind.PARLIAMENT, countryCode: 'NG' },
];

interface DemoStatement {
  key: string;
  author: string;
  kind: CivicStatementKind;
  countryCode: string;
  /** Which of the state's plans: the latest, or the one before it. */
  plan: 'latest' | 'previous';
  title: string;
  body: string;
  /** Days before the seed day. */
  daysAgo: number;
}

const STATEMENTS: DemoStatement[] = [
  {
    key: 'ng-latest-shadow-report',
    author: 'demo-cso-ng-women-peace',
    kind: CivicStatementKind.SHADOW_REPORT,
    countryCode: 'NG',
    plan: 'latest',
    title: 'Demo shadow report on the current national action plan',
    body: 'Generated demo text, not a real report. State action plans were adopted in some states only; women mediators in the north-east report no budget line for their work; the plan\'s indicators are not yet reported on.',
    daysAgo: 40,
  },
  {
    key: 'ng-latest-parliament-comment',
    author: 'demo-parliament-ng',
    kind: CivicStatementKind.COMMENT,
    countryCode: 'NG',
    plan: 'latest',
    title: 'Demo comment: the plan\'s budget in the appropriation act',
    body: 'Generated demo text, not a real statement. The caucus asks for a distinct budget line for the plan in the next appropriation act, and for a yearly progress report to parliament.',
    daysAgo: 12,
  },
  {
    key: 'ng-previous-shadow-report',
    author: 'demo-cso-ng-women-peace',
    kind: CivicStatementKind.SHADOW_REPORT,
    countryCode: 'NG',
    plan: 'previous',
    title: 'Demo shadow report on the previous national action plan',
    body: 'Generated demo text, not a real report. Lessons from the previous plan: coordination between ministries and state governments, and data on women in the security sector.',
    daysAgo: 400,
  },
];

const DAY_MS = 86_400_000;

/** The id the member's demo seed gives that plan of the state, or null when the state has no such plan in data/. */
export function demoPlanId(countryCode: string, which: 'latest' | 'previous'): string | null {
  const iterations = (napHistoryOf(countryCode)?.naps ?? []).map((entry) => entry.iteration).sort((a, b) => b - a);
  const iteration = iterations[which === 'latest' ? 0 : 1];
  return iteration === undefined ? null : uuidFromName(`${countryCode}:plan:${iteration}`);
}

/** Seed the demo civic authors and their published statements; returns how many statements the database holds of them. */
export async function seedDemoCivicVoice(manager: EntityManager, day: Date): Promise<number> {
  for (const author of AUTHORS) {
    await manager.query(
      `INSERT INTO civic_author (subject, organisation, kind, country_code, registered_by, registered_at, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, true)
       ON CONFLICT (subject) DO UPDATE SET organisation = $2, kind = $3, country_code = $4, is_demo = true`,
      [author.subject, author.organisation, author.kind, author.countryCode, DEMO_AUTHOR, day],
    );
  }
  let seeded = 0;
  for (const statement of STATEMENTS) {
    const author = AUTHORS.find((candidate) => candidate.subject === statement.author)!;
    const targetId = demoPlanId(statement.countryCode, statement.plan);
    if (targetId === null) continue;
    const at = new Date(day.getTime() - statement.daysAgo * DAY_MS);
    await manager.query(
      `INSERT INTO civic_statement (id, kind, country_code, target_type, target_id, title, body, source_url, author_subject, organisation, author_kind,
         status, created_at, published_at, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9, $10, $11, $12, $12, true)
       ON CONFLICT (id) DO NOTHING`,
      [demoStatementId(statement.key), statement.kind, statement.countryCode, CivicTarget.PLAN, targetId, statement.title, statement.body, author.subject, author.organisation, author.kind, CivicStatementStatus.PUBLISHED, at],
    );
    seeded += 1;
  }
  return seeded;
}
