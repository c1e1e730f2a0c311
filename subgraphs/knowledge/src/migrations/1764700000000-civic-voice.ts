import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Civic statements: shadow reports and comments of registered civil-society
 * organisations and parliaments on members' plans, reports and submissions,
 * kept at the hub. A published statement is fixed: the database refuses to
 * change or delete it, whoever asks (the service refuses first, with a clear
 * error; this is the last line). The service login (wps_hub_app) gets its
 * rights on the new tables from the default privileges of 1764600000000.
 */
export class CivicVoice1764700000000 implements MigrationInterface {
  name = 'CivicVoice1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE civic_author (
        subject text PRIMARY KEY CHECK (length(subject) BETWEEN 1 AND 200),
        organisation text NOT NULL CHECK (length(organisation) BETWEEN 2 AND 200),
        kind text NOT NULL CHECK (kind IN ('CSO', 'PARLIAMENT')),
        country_code text CHECK (country_code ~ '^[A-Z]{2}$'),
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE civic_statement (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('SHADOW_REPORT', 'COMMENT')),
        country_code text NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
        target_type text NOT NULL CHECK (target_type IN ('PLAN', 'REPORT', 'SUBMISSION')),
        target_id text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 5 AND 200),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        source_url text CHECK (source_url ~ '^https?://'),
        author_subject text NOT NULL REFERENCES civic_author (subject),
        organisation text NOT NULL,
        author_kind text NOT NULL CHECK (author_kind IN ('CSO', 'PARLIAMENT')),
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        created_at timestamptz NOT NULL,
        published_at timestamptz,
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX civic_statement_country_idx ON civic_statement (country_code, status)`);
    await runner.query(`CREATE INDEX civic_statement_target_idx ON civic_statement ((target_type || ':' || target_id))`);
    await runner.query(`
      CREATE FUNCTION civic_statement_fixed_once_published() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'a published civic statement cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await runner.query(`
      CREATE TRIGGER civic_statement_fixed BEFORE UPDATE OR DELETE ON civic_statement
        FOR EACH ROW EXECUTE FUNCTION civic_statement_fixed_once_published()`);
    await runner.query(`
      CREATE FUNCTION civic_statement_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'civic statements cannot be emptied' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`CREATE TRIGGER civic_statement_no_truncate BEFORE TRUNCATE ON civic_statement FOR EACH STATEMENT EXECUTE FUNCTION civic_statement_no_truncate()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE civic_statement`);
    await runner.query(`DROP FUNCTION civic_statement_fixed_once_published()`);
    await runner.query(`DROP FUNCTION civic_statement_no_truncate()`);
    await runner.query(`DROP TABLE civic_author`);
  }
}
