import { In, type DataSource } from 'typeorm';
import type { Pillar, Theme } from '../common/enums.js';
import { GoodPracticeEntity } from './practice.entity.js';
import { toPractice } from './practice.mapper.js';
import type { GoodPractice } from './practice.type.js';

/** What to look for: practices under these pillars or themes, from states other than `excludeCountry`. */
export interface RelatedPracticesKey {
  excludeCountry: string;
  pillars: Pillar[];
  themes: Theme[];
  limit: number;
}

/**
 * Published practices for each key, in one statement for the whole batch:
 * a practice scores 2 for a shared pillar and 1 per shared theme; ties go
 * to practices tied to a state (someone who solved it at home), then real
 * before demo, then title. Practices tied to the excluded state are left out.
 */
export async function loadRelatedPractices(dataSource: DataSource, keys: readonly RelatedPracticesKey[]): Promise<GoodPractice[][]> {
  const wanted = keys.map((key, idx) => ({ idx, country: key.excludeCountry, pillars: key.pillars, themes: key.themes, lim: key.limit }));
  const rows: { idx: number; id: string }[] = await dataSource.query(
    `SELECT k.idx, match.id
       FROM jsonb_to_recordset($1::jsonb) AS k(idx int, country text, pillars text[], themes text[], lim int)
       CROSS JOIN LATERAL (
         SELECT p.id, row_number() OVER (
                  ORDER BY (CASE WHEN p.pillars && k.pillars THEN 2 ELSE 0 END) + (SELECT count(*) FROM unnest(p.themes) AS t WHERE t = ANY (k.themes)) DESC,
                           cardinality(p.country_codes) > 0 DESC, p.is_demo, p.title, p.id) AS position
           FROM good_practice p
          WHERE p.status = 'PUBLISHED'
            AND NOT (p.country_codes @> ARRAY[k.country])
            AND (p.pillars && k.pillars OR p.themes && k.themes)
       ) AS match
      WHERE match.position <= k.lim
      ORDER BY k.idx, match.position`,
    [JSON.stringify(wanted)],
  );
  const ids = [...new Set(rows.map((row) => row.id))];
  const practices = new Map(
    ids.length === 0 ? [] : (await dataSource.getRepository(GoodPracticeEntity).findBy({ id: In(ids) })).map((row) => [row.id, toPractice(row)] as const),
  );
  const byKey: GoodPractice[][] = keys.map(() => []);
  for (const row of rows) byKey[row.idx]!.push(practices.get(row.id)!);
  return byKey;
}
