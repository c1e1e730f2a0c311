import { AUDIT_LOG_MIGRATION_SQL, AUDIT_LOG_ROLLBACK_SQL } from '@wps/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const PILLARS = `ARRAY['PARTICIPATION', 'PREVENTION', 'PROTECTION', 'RELIEF_AND_RECOVERY']`;
const FRAMEWORKS = `ARRAY['AU_CRF', 'EU_GAP_III', 'OSCE', 'UN_1325']`;
const THEMES = `ARRAY['MONITORING_EVALUATION', 'FINANCING', 'COORDINATION', 'CIVIL_SOCIETY', 'LOCALIZATION', 'REGIONAL_COOPERATION',
  'POLITICAL_WILL', 'INDICATORS', 'REPORTING', 'CAPACITY_BUILDING', 'PARLIAMENTARY_OVERSIGHT']`;
/** Country codes are upper-case ISO 3166-1 alpha-2 codes. */
const COUNTRY_CODES = (column: string) => `knowledge_words(${column}) ~ '^([A-Z]{2}( [A-Z]{2})*)?$'`;

/**
 * Knowledge exchange for the Focal Points Network: moderated practices,
 * session calendar and registrations, resources, forum, focal point
 * directory, full-text search and the audit log.
 *
 * Search: each searchable table has a generated `search_vector` (title and
 * theme names, the item's subject, weight A; summary B; the rest C) with a GIN index, and a
 * generated `fuzzy_text` (title and theme names, lower case) with a pg_trgm
 * GIN index for typo tolerance.
 */
export class KnowledgeExchange1764000000000 implements MigrationInterface {
  name = 'KnowledgeExchange1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // array_to_string is only STABLE; generated columns need IMMUTABLE functions, and these are (for text[]).
    await runner.query(`
      CREATE FUNCTION knowledge_words(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$`);
    // FINANCING → "financing", PARLIAMENTARY_OVERSIGHT → "parliamentary oversight": enum values become searchable words.
    await runner.query(`
      CREATE FUNCTION knowledge_tag_words(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT lower(replace(coalesce(array_to_string($1, ' '), ''), '_', ' ')) $$`);

    // Good practices: moderation, pillars, frameworks, evidence.
    await runner.query(`
      ALTER TABLE good_practice
        ADD COLUMN pillars text[] NOT NULL DEFAULT '{}' CHECK (pillars <@ ${PILLARS}),
        ADD COLUMN frameworks text[] NOT NULL DEFAULT '{}' CHECK (frameworks <@ ${FRAMEWORKS}),
        ADD COLUMN evidence text,
        ADD COLUMN status text NOT NULL DEFAULT 'PUBLISHED' CHECK (status IN ('DRAFT', 'PUBLISHED', 'REJECTED')),
        ADD COLUMN proposed_by text,
        ADD COLUMN proposed_at timestamptz,
        ADD COLUMN moderated_by text,
        ADD COLUMN moderated_at timestamptz,
        ADD COLUMN moderation_note text,
        ADD CONSTRAINT good_practice_themes_check CHECK (cardinality(themes) > 0 AND themes <@ ${THEMES}),
        ADD CONSTRAINT good_practice_country_codes_check CHECK (${COUNTRY_CODES('country_codes')}),
        ADD CONSTRAINT good_practice_year_check CHECK (year IS NULL OR year BETWEEN 1990 AND 2100)`);
    await runner.query(`
      ALTER TABLE good_practice
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title || ' ' || knowledge_tag_words(themes)), 'A') ||
          setweight(to_tsvector('english', summary), 'B') ||
          setweight(to_tsvector('english', coalesce(evidence, '') || ' ' || knowledge_tag_words(pillars) || ' ' || knowledge_tag_words(frameworks)), 'C')
        ) STORED,
        ADD COLUMN fuzzy_text text GENERATED ALWAYS AS (lower(title || ' ' || knowledge_tag_words(themes))) STORED`);
    await runner.query(`CREATE INDEX good_practice_search_idx ON good_practice USING gin (search_vector)`);
    await runner.query(`CREATE INDEX good_practice_fuzzy_idx ON good_practice USING gin (fuzzy_text gin_trgm_ops)`);
    await runner.query(`CREATE INDEX good_practice_status_idx ON good_practice (status, proposed_by)`);
    await runner.query(`CREATE INDEX good_practice_pillars_idx ON good_practice USING gin (pillars)`);

    // Learning sessions: instants and time zone for the calendar, capacity, content.
    await runner.query(`
      ALTER TABLE learning_session
        ADD COLUMN time_zone text,
        ADD COLUMN start_instant timestamptz,
        ADD COLUMN end_instant timestamptz,
        ADD COLUMN capacity integer CHECK (capacity IS NULL OR capacity > 0),
        ADD COLUMN url text,
        ADD COLUMN summary text,
        ADD COLUMN outcomes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN modules text[] NOT NULL DEFAULT '{}',
        ADD COLUMN breakout_themes text[] NOT NULL DEFAULT '{}'`);
    // Sessions recorded before this migration: a date-only session lasts whole UTC days (end exclusive).
    await runner.query(`
      UPDATE learning_session SET
        start_instant = CASE WHEN starts_at ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN (starts_at || 'T00:00:00Z')::timestamptz ELSE starts_at::timestamptz END,
        end_instant = CASE
          WHEN coalesce(ends_at, starts_at) ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN ((coalesce(ends_at, starts_at)::date + 1)::text || 'T00:00:00Z')::timestamptz
          ELSE ends_at::timestamptz END`);
    await runner.query(`
      ALTER TABLE learning_session
        ALTER COLUMN start_instant SET NOT NULL,
        ADD CONSTRAINT learning_session_end_check CHECK (end_instant IS NULL OR end_instant >= start_instant),
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title || ' ' || knowledge_tag_words(themes)), 'A') ||
          setweight(to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(series, '')), 'B') ||
          setweight(to_tsvector('english',
            knowledge_words(objectives) || ' ' || knowledge_words(guiding_questions) || ' ' || knowledge_words(outcomes) || ' ' ||
            knowledge_words(modules) || ' ' || knowledge_words(breakout_themes) || ' ' || knowledge_words(hosts) || ' ' || knowledge_tag_words(ARRAY[kind])), 'C')
        ) STORED,
        ADD COLUMN fuzzy_text text GENERATED ALWAYS AS (lower(title || ' ' || knowledge_tag_words(themes))) STORED`);
    await runner.query(`CREATE INDEX learning_session_start_idx ON learning_session (start_instant)`);
    await runner.query(`CREATE INDEX learning_session_search_idx ON learning_session USING gin (search_vector)`);
    await runner.query(`CREATE INDEX learning_session_fuzzy_idx ON learning_session USING gin (fuzzy_text gin_trgm_ops)`);

    await runner.query(`
      CREATE TABLE resource (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('STUDY', 'GUIDE', 'MANUAL', 'EVALUATION', 'REPORT', 'TOOLKIT')),
        publisher text NOT NULL,
        year integer CHECK (year IS NULL OR year BETWEEN 1990 AND 2100),
        summary text,
        url text,
        themes text[] NOT NULL DEFAULT '{}' CHECK (themes <@ ${THEMES}),
        country_codes text[] NOT NULL DEFAULT '{}' CHECK (${COUNTRY_CODES('country_codes')}),
        frameworks text[] NOT NULL DEFAULT '{}' CHECK (frameworks <@ ${FRAMEWORKS}),
        pillars text[] NOT NULL DEFAULT '{}' CHECK (pillars <@ ${PILLARS}),
        is_demo boolean NOT NULL DEFAULT false,
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title || ' ' || knowledge_tag_words(themes)), 'A') ||
          setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
          setweight(to_tsvector('english', publisher || ' ' || lower(kind) || ' ' || knowledge_tag_words(pillars) || ' ' || knowledge_tag_words(frameworks)), 'C')
        ) STORED,
        fuzzy_text text GENERATED ALWAYS AS (lower(title || ' ' || knowledge_tag_words(themes))) STORED
      )`);
    await runner.query(`CREATE INDEX resource_search_idx ON resource USING gin (search_vector)`);
    await runner.query(`CREATE INDEX resource_fuzzy_idx ON resource USING gin (fuzzy_text gin_trgm_ops)`);

    await runner.query(`
      CREATE TABLE focal_point (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
        name text NOT NULL,
        email text NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
        organisation text NOT NULL,
        organisation_kind text NOT NULL CHECK (organisation_kind IN ('STATE', 'REGIONAL_ORGANISATION')),
        country_code text CHECK (country_code ~ '^[A-Z]{2}$'),
        regional_organisation text CHECK (regional_organisation IN ('AU', 'EU', 'OSCE')),
        role text NOT NULL,
        subject text UNIQUE,
        is_demo boolean NOT NULL DEFAULT false,
        CHECK ((organisation_kind = 'STATE') = (country_code IS NOT NULL)),
        CHECK ((organisation_kind = 'REGIONAL_ORGANISATION') = (regional_organisation IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX focal_point_country_idx ON focal_point (country_code)`);

    await runner.query(`
      CREATE TABLE forum_thread (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id text REFERENCES learning_session (id),
        title text NOT NULL CHECK (length(title) BETWEEN 5 AND 200),
        author_subject text NOT NULL,
        author_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        is_demo boolean NOT NULL DEFAULT false
      )`);
    await runner.query(`CREATE INDEX forum_thread_session_idx ON forum_thread (session_id, created_at)`);
    await runner.query(`
      CREATE TABLE forum_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES forum_thread (id),
        body text NOT NULL CHECK (length(btrim(body)) > 0 AND length(body) <= 5000),
        author_subject text NOT NULL,
        author_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        is_demo boolean NOT NULL DEFAULT false
      )`);
    await runner.query(`CREATE INDEX forum_post_thread_idx ON forum_post (thread_id, created_at)`);

    await runner.query(`
      CREATE TABLE session_registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id text NOT NULL REFERENCES learning_session (id),
        subject text NOT NULL,
        status text NOT NULL CHECK (status IN ('CONFIRMED', 'PENDING', 'DECLINED', 'CANCELLED')),
        registered_at timestamptz NOT NULL DEFAULT now(),
        decided_by text,
        decided_at timestamptz,
        CONSTRAINT session_registration_once UNIQUE (session_id, subject)
      )`);
    await runner.query(`
      CREATE TABLE session_invitation (
        session_id text NOT NULL REFERENCES learning_session (id),
        subject text NOT NULL,
        invited_by text NOT NULL,
        invited_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, subject)
      )`);

    for (const statement of AUDIT_LOG_MIGRATION_SQL) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of AUDIT_LOG_ROLLBACK_SQL) await runner.query(statement);
    for (const table of ['session_invitation', 'session_registration', 'forum_post', 'forum_thread', 'focal_point', 'resource']) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query(`
      ALTER TABLE learning_session
        DROP COLUMN search_vector, DROP COLUMN fuzzy_text, DROP CONSTRAINT learning_session_end_check,
        DROP COLUMN time_zone, DROP COLUMN start_instant, DROP COLUMN end_instant, DROP COLUMN capacity, DROP COLUMN url,
        DROP COLUMN summary, DROP COLUMN outcomes, DROP COLUMN modules, DROP COLUMN breakout_themes`);
    await runner.query(`
      ALTER TABLE good_practice
        DROP COLUMN search_vector, DROP COLUMN fuzzy_text,
        DROP CONSTRAINT good_practice_themes_check, DROP CONSTRAINT good_practice_country_codes_check, DROP CONSTRAINT good_practice_year_check,
        DROP COLUMN pillars, DROP COLUMN frameworks, DROP COLUMN evidence, DROP COLUMN status, DROP COLUMN proposed_by,
        DROP COLUMN proposed_at, DROP COLUMN moderated_by, DROP COLUMN moderated_at, DROP COLUMN moderation_note`);
    await runner.query(`DROP FUNCTION knowledge_tag_words(text[])`);
    await runner.query(`DROP FUNCTION knowledge_words(text[])`);
  }
}
