import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The first slice of the NAP contract: plans, indicators, measurements, and the member's own settings. */
export class InitialContract1763800000000 implements MigrationInterface {
  name = 'InitialContract1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE member_setting (
        key text PRIMARY KEY,
        value text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE national_action_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        iteration integer NOT NULL UNIQUE CHECK (iteration > 0),
        title text NOT NULL CHECK (length(title) > 0),
        period_start integer CHECK (period_start BETWEEN 1990 AND 2100),
        period_end integer CHECK (period_end BETWEEN 1990 AND 2100),
        status text NOT NULL CHECK (status IN ('DRAFT', 'ADOPTED', 'UNDER_REVIEW', 'EXPIRED', 'SUPERSEDED')),
        adopted_on text CHECK (adopted_on ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
        source_references text[] NOT NULL DEFAULT '{}',
        source_note text,
        source_conflict text,
        verified boolean NOT NULL DEFAULT true,
        demo_fields text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
      )`);
    await runner.query(`
      CREATE TABLE indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES national_action_plan (id) ON DELETE RESTRICT,
        code text NOT NULL CHECK (length(code) > 0),
        title text NOT NULL CHECK (length(title) > 0),
        unit text NOT NULL,
        position integer NOT NULL DEFAULT 0,
        baseline_value numeric,
        baseline_year integer,
        target_value numeric,
        target_year integer,
        is_demo boolean NOT NULL DEFAULT false,
        UNIQUE (plan_id, code)
      )`);
    await runner.query(`CREATE INDEX indicator_plan_id_idx ON indicator (plan_id, position)`);
    await runner.query(`
      CREATE TABLE measurement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES indicator (id) ON DELETE RESTRICT,
        period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(Q[1-4]|H[12]|[0-9]{2}))?$'),
        value numeric,
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        is_demo boolean NOT NULL DEFAULT false,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by text NOT NULL
      )`);
    await runner.query(`CREATE INDEX measurement_indicator_id_idx ON measurement (indicator_id, period)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE measurement`);
    await runner.query(`DROP TABLE indicator`);
    await runner.query(`DROP TABLE national_action_plan`);
    await runner.query(`DROP TABLE member_setting`);
  }
}
