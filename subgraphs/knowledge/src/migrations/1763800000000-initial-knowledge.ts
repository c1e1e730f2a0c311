import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialKnowledge1763800000000 implements MigrationInterface {
  name = 'InitialKnowledge1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE learning_session (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
        title text NOT NULL,
        kind text NOT NULL,
        series text,
        starts_at text NOT NULL,
        ends_at text,
        hosts text[] NOT NULL DEFAULT '{}',
        access text CHECK (access IN ('OPEN', 'INVITATION_ONLY', 'ON_REQUEST')),
        chatham_house boolean NOT NULL DEFAULT false,
        formats text[] NOT NULL DEFAULT '{}',
        objectives text[] NOT NULL DEFAULT '{}',
        guiding_questions text[] NOT NULL DEFAULT '{}',
        themes text[] NOT NULL DEFAULT '{}',
        participants integer,
        is_demo boolean NOT NULL DEFAULT false
      )`);
    await runner.query(`
      CREATE TABLE good_practice (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
        title text NOT NULL,
        summary text NOT NULL,
        themes text[] NOT NULL DEFAULT '{}',
        country_codes text[] NOT NULL DEFAULT '{}',
        source text NOT NULL,
        session_id text REFERENCES learning_session (id),
        year integer,
        is_demo boolean NOT NULL DEFAULT false
      )`);
    await runner.query(`CREATE INDEX good_practice_country_codes_idx ON good_practice USING gin (country_codes)`);
    await runner.query(`CREATE INDEX good_practice_themes_idx ON good_practice USING gin (themes)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE good_practice`);
    await runner.query(`DROP TABLE learning_session`);
  }
}
