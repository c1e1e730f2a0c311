import { badInput, isCountryCode } from '@wps/kit';
import { In, type DataSource } from 'typeorm';
import { KnowledgeKind, SearchMatch } from '../common/enums.js';
import { GoodPracticeEntity } from '../practice/practice.entity.js';
import { toPractice } from '../practice/practice.mapper.js';
import type { GoodPractice } from '../practice/practice.type.js';
import { ResourceEntity } from '../resource/resource.entity.js';
import { toResource } from '../resource/resource.mapper.js';
import type { Resource } from '../resource/resource.type.js';
import { LearningSessionEntity } from '../session/session.entity.js';
import { toSession } from '../session/session.mapper.js';
import type { LearningSession } from '../session/session.type.js';
import { decodeCursor, encodeCursor, searchFingerprint, type SearchPosition } from './search-cursor.js';
import { parseSearchQuery } from './search-query.js';
import type { KnowledgeSearchFilter } from './search.type.js';
import { HEADLINE_OPTIONS, toSnippetHtml } from './snippet.js';

export interface SearchResult {
  edges: { node: GoodPractice | LearningSession | Resource; snippet: string; rank: number; matchedBy: SearchMatch; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

interface MatchRow {
  kind: KnowledgeKind;
  id: string;
  score: string;
  full_text: boolean;
  headline: string;
  total: number;
}

const DEFAULT_PAGE = 10;
/** "finacing" is 0.58 similar to "financing": pg_trgm's default word threshold (0.6) misses one dropped letter in a short word. */
const TYPO_SIMILARITY = '0.5';
const MAX_PAGE = 50;

/**
 * One statement finds, ranks, pages and highlights. Every searchable table
 * has a generated tsvector (title and theme names A; summary B; body C) and
 * a generated `fuzzy_text` (title and theme names).
 *
 * - Full-text: each query word, or a word it starts (three letters or more),
 *   must be in the item after English stemming; score 1 + ts_rank_cd with
 *   weights D 0.1, C 0.2, B 0.4, A 1.0, normalised by 1 + log(length) and
 *   mapped into (0, 1) (flags 1|32).
 * - Typos: items with no full-text match whose title or theme names are
 *   close to the query by pg_trgm word similarity (`<%`, threshold
 *   TYPO_SIMILARITY) score that similarity, below every full-text match.
 * - Generated demo items count half, so real, sourced items come first at
 *   equal relevance.
 * - Order: score, then kind and id; the cursor is that position, so pages
 *   neither repeat nor skip items while the data stays the same.
 * - Only published practices are searched.
 */
const SEARCH_SQL = `
  WITH q AS (SELECT to_tsquery('english', $1) AS query, $2::text AS words),
  items AS (
    SELECT 'GOOD_PRACTICE' AS kind, p.id, p.is_demo, p.search_vector, p.fuzzy_text,
           concat_ws(' · ', p.title || ' — ' || p.summary, p.evidence, knowledge_tag_words(p.themes), nullif(knowledge_tag_words(p.pillars || p.frameworks), '')) AS passage,
           p.themes, p.country_codes, p.frameworks, p.pillars, p.year
      FROM good_practice p
     WHERE p.status = 'PUBLISHED'
    UNION ALL
    SELECT 'LEARNING_SESSION', s.id, s.is_demo, s.search_vector, s.fuzzy_text,
           concat_ws(' · ', s.title || ' — ' || concat_ws(' ', s.summary, s.series), nullif(concat_ws(' ', knowledge_words(s.objectives),
             knowledge_words(s.guiding_questions), knowledge_words(s.outcomes), knowledge_words(s.modules), knowledge_words(s.breakout_themes)), '    '),
             knowledge_words(s.hosts) || ' ' || knowledge_tag_words(ARRAY[s.kind]), knowledge_tag_words(s.themes)),
           s.themes, '{}'::text[], '{}'::text[], '{}'::text[], extract(year FROM s.start_instant)::int
      FROM learning_session s
    UNION ALL
    SELECT 'RESOURCE', r.id, r.is_demo, r.search_vector, r.fuzzy_text,
           concat_ws(' · ', r.title || ' — ' || concat_ws(' ', r.summary, r.publisher), knowledge_tag_words(r.themes), nullif(knowledge_tag_words(r.pillars || r.frameworks), '')),
           r.themes, r.country_codes, r.frameworks, r.pillars, r.year
      FROM resource r
  ),
  matches AS (
    SELECT i.kind, i.id, i.passage, i.fuzzy_text, i.search_vector @@ q.query AS full_text,
           round((CASE WHEN i.search_vector @@ q.query
                       THEN 1 + ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', i.search_vector, q.query, 1 | 32) * CASE WHEN i.is_demo THEN 0.5 ELSE 1 END
                       ELSE word_similarity(q.words, i.fuzzy_text) * 0.999 * CASE WHEN i.is_demo THEN 0.5 ELSE 1 END
                  END)::numeric, 9) AS score
      FROM items i CROSS JOIN q
     -- The query as parameters, not q's columns, so each table's GIN indexes can serve the match.
     WHERE (i.search_vector @@ to_tsquery('english', $1) OR (numnode(to_tsquery('english', $1)) > 0 AND $2::text <% i.fuzzy_text))
       AND ($3::text[] IS NULL OR i.kind = ANY ($3::text[]))
       AND ($4::text IS NULL OR $4::text = ANY (i.themes))
       AND ($5::text IS NULL OR $5::text = ANY (i.country_codes))
       AND ($6::text IS NULL OR $6::text = ANY (i.frameworks))
       AND ($7::text IS NULL OR $7::text = ANY (i.pillars))
       AND ($8::int IS NULL OR i.year = $8::int)
  ),
  page AS (
    SELECT m.* FROM matches m
     WHERE $9::numeric IS NULL OR m.score < $9::numeric OR (m.score = $9::numeric AND (m.kind, m.id) > ($10::text, $11::text))
     ORDER BY m.score DESC, m.kind, m.id
     LIMIT $12
  )
  SELECT page.kind, page.id, page.score::text AS score, page.full_text,
         ts_headline('english', page.passage,
           CASE WHEN page.full_text THEN q.query
                ELSE (SELECT plainto_tsquery('english', w) FROM regexp_split_to_table(page.fuzzy_text, '[^[:alnum:]]+') AS w
                       WHERE w <> '' ORDER BY similarity(q.words, w) DESC, w LIMIT 1) END,
           $13) AS headline,
         (SELECT count(*) FROM matches)::int AS total
    FROM page CROSS JOIN q
   ORDER BY page.score DESC, page.kind, page.id`;

interface SearchCriteria {
  kinds: KnowledgeKind[] | null;
  theme: string | null;
  countryCode: string | null;
  framework: string | null;
  pillar: string | null;
  year: number | null;
}

/** Full-text search over published practices, sessions and resources: a page of results, best first, and how many match in all. */
export async function searchKnowledge(
  dataSource: DataSource,
  text: string,
  filter: KnowledgeSearchFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<SearchResult> {
  const query = parseSearchQuery(text);
  const size = first ?? DEFAULT_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw badInput('first', `first must be from 1 to ${MAX_PAGE}, got ${size}.`);
  const countryCode = filter?.countryCode?.trim().toUpperCase() ?? null;
  if (countryCode !== null && !isCountryCode(countryCode)) throw badInput('filter.countryCode', `filter.countryCode must be an ISO 3166-1 alpha-2 code, got "${filter?.countryCode}".`);
  const kinds = filter?.kinds && filter.kinds.length > 0 ? [...new Set(filter.kinds)].sort() : null;
  const criteria: SearchCriteria = {
    kinds,
    theme: filter?.theme ?? null,
    countryCode,
    framework: filter?.framework ?? null,
    pillar: filter?.pillar ?? null,
    year: filter?.year ?? null,
  };
  const fingerprint = searchFingerprint({ words: query.words, ...criteria });
  const position = after ? decodeCursor(after, fingerprint) : null;

  const rows = await runSearch(dataSource, query, criteria, position, size + 1);
  const shown = rows.slice(0, size);
  const nodes = await loadNodes(dataSource, shown);
  const edges = shown.map((row) => ({
    node: nodes.get(`${row.kind}:${row.id}`)!,
    snippet: toSnippetHtml(row.headline),
    rank: Number(row.score),
    matchedBy: row.full_text ? SearchMatch.FULL_TEXT : SearchMatch.FUZZY,
    cursor: encodeCursor({ score: row.score, kind: row.kind, id: row.id }, fingerprint),
  }));
  // When a cursor points past the last match, the page statement returns no rows to carry the total: count from the start.
  const totalCount = rows[0]?.total ?? (position ? ((await runSearch(dataSource, query, criteria, null, 1))[0]?.total ?? 0) : 0);
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

/** The search statement, from `position` on, in a read-only transaction that sets the typo threshold for itself only. */
function runSearch(dataSource: DataSource, query: { tsquery: string; words: string }, criteria: SearchCriteria, position: SearchPosition | null, limit: number): Promise<MatchRow[]> {
  const parameters = [
    query.tsquery,
    query.words,
    criteria.kinds,
    criteria.theme,
    criteria.countryCode,
    criteria.framework,
    criteria.pillar,
    criteria.year,
    position?.score ?? null,
    position?.kind ?? null,
    position?.id ?? null,
    limit,
    HEADLINE_OPTIONS,
  ];
  return dataSource.transaction(async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    await manager.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [TYPO_SIMILARITY]);
    return manager.query(SEARCH_SQL, parameters) as Promise<MatchRow[]>;
  });
}

async function loadNodes(dataSource: DataSource, rows: MatchRow[]): Promise<Map<string, GoodPractice | LearningSession | Resource>> {
  const ids = (kind: KnowledgeKind) => rows.filter((row) => row.kind === kind).map((row) => row.id);
  const [practices, sessions, resources] = await Promise.all([
    dataSource.getRepository(GoodPracticeEntity).findBy({ id: In(ids(KnowledgeKind.GOOD_PRACTICE)) }),
    dataSource.getRepository(LearningSessionEntity).findBy({ id: In(ids(KnowledgeKind.LEARNING_SESSION)) }),
    dataSource.getRepository(ResourceEntity).findBy({ id: In(ids(KnowledgeKind.RESOURCE)) }),
  ]);
  return new Map<string, GoodPractice | LearningSession | Resource>([
    ...practices.map((row) => [`${KnowledgeKind.GOOD_PRACTICE}:${row.id}`, toPractice(row)] as const),
    ...sessions.map((row) => [`${KnowledgeKind.LEARNING_SESSION}:${row.id}`, toSession(row)] as const),
    ...resources.map((row) => [`${KnowledgeKind.RESOURCE}:${row.id}`, toResource(row)] as const),
  ]);
}
