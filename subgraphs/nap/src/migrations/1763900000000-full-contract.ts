import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full NAP contract: plan facts, logframe (outcome → output → activity),
 * implementing partners, indicator details and alignments, versioned
 * measurements, budget lines and progress reports.
 *
 * Measurements are append-only: a correction is a new version that
 * supersedes the old one. A trigger enforces it: the only change allowed to
 * a stored measurement is DRAFT → PUBLISHED (with who and when), and rows are
 * never deleted.
 */
export class FullContract1763900000000 implements MigrationInterface {
  name = 'FullContract1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE national_action_plan
        ADD COLUMN adoption_instrument text,
        ADD COLUMN lead_agency text,
        ADD COLUMN focus text CHECK (focus IN ('DOMESTIC', 'INTERNATIONAL', 'BOTH')),
        ADD COLUMN pillars text[] NOT NULL DEFAULT '{}'
          CHECK (pillars <@ ARRAY['PARTICIPATION', 'PREVENTION', 'PROTECTION', 'RELIEF_AND_RECOVERY']),
        ADD COLUMN national_pillars text[] NOT NULL DEFAULT '{}',
        ADD COLUMN coordination_mechanism text,
        ADD COLUMN csos_in_coordination_body boolean,
        ADD COLUMN civil_society_roles text[] NOT NULL DEFAULT '{}'
          CHECK (civil_society_roles <@ ARRAY['DESIGN', 'IMPLEMENTATION', 'MONITORING']),
        ADD COLUMN baseline_study boolean,
        ADD COLUMN costed boolean,
        ADD COLUMN earmarked boolean`);

    await runner.query(`
      CREATE TABLE plan_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES national_action_plan (id),
        title text NOT NULL CHECK (length(title) > 0),
        url text CHECK (url ~ '^https?://'),
        kind text NOT NULL CHECK (kind IN ('PLAN', 'IMPLEMENTATION_PLAN', 'BASELINE_STUDY', 'REPORT', 'OTHER')),
        language text,
        position integer NOT NULL DEFAULT 0
      )`);
    await runner.query(`CREATE INDEX plan_document_plan_idx ON plan_document (plan_id, position)`);

    await runner.query(`
      CREATE TABLE implementing_partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES national_action_plan (id),
        name text NOT NULL CHECK (length(name) > 0),
        kind text NOT NULL CHECK (kind IN ('MINISTRY', 'DEPARTMENT', 'AGENCY', 'CSO', 'PARLIAMENT', 'LOCAL_GOVERNMENT')),
        representative_role text CHECK (representative_role IN ('WPS_CHAMPION', 'FOCAL_POINT')),
        has_implementation_plan boolean NOT NULL DEFAULT false,
        in_coordination_body boolean NOT NULL DEFAULT false,
        is_demo boolean NOT NULL DEFAULT false,
        UNIQUE (plan_id, name)
      )`);

    await runner.query(`
      CREATE TABLE outcome (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES national_action_plan (id),
        code text NOT NULL CHECK (length(code) > 0),
        pillar text NOT NULL,
        statement text NOT NULL CHECK (length(statement) > 0),
        position integer NOT NULL DEFAULT 0,
        is_demo boolean NOT NULL DEFAULT false,
        UNIQUE (plan_id, code)
      )`);
    await runner.query(`
      CREATE TABLE output (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        outcome_id uuid NOT NULL REFERENCES outcome (id),
        code text NOT NULL CHECK (length(code) > 0),
        statement text NOT NULL CHECK (length(statement) > 0),
        position integer NOT NULL DEFAULT 0,
        is_demo boolean NOT NULL DEFAULT false,
        UNIQUE (outcome_id, code)
      )`);
    await runner.query(`CREATE INDEX output_outcome_idx ON output (outcome_id, position)`);
    await runner.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        output_id uuid NOT NULL REFERENCES output (id),
        code text NOT NULL CHECK (length(code) > 0),
        title text NOT NULL CHECK (length(title) > 0),
        responsible_partner_id uuid REFERENCES implementing_partner (id),
        starts_on date,
        ends_on date,
        status text NOT NULL CHECK (status IN ('PLANNED', 'ONGOING', 'COMPLETED', 'DELAYED', 'CANCELLED')),
        position integer NOT NULL DEFAULT 0,
        is_demo boolean NOT NULL DEFAULT false,
        UNIQUE (output_id, code),
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
      )`);
    await runner.query(`CREATE INDEX activity_output_idx ON activity (output_id, position)`);

    await runner.query(`
      ALTER TABLE indicator
        ADD COLUMN level text NOT NULL DEFAULT 'OUTCOME' CHECK (level IN ('OUTCOME', 'OUTPUT')),
        ADD COLUMN kind text NOT NULL DEFAULT 'QUANTITATIVE' CHECK (kind IN ('QUANTITATIVE', 'QUALITATIVE')),
        ADD COLUMN outcome_id uuid REFERENCES outcome (id),
        ADD COLUMN output_id uuid REFERENCES output (id),
        ADD COLUMN disaggregation text[] NOT NULL DEFAULT '{}',
        ADD COLUMN data_source text,
        ADD COLUMN frequency text CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL', 'BIENNIAL', 'END_OF_PLAN')),
        ADD COLUMN responsible_partner_id uuid REFERENCES implementing_partner (id)`);
    await runner.query(`CREATE INDEX indicator_outcome_idx ON indicator (outcome_id)`);
    await runner.query(`CREATE INDEX indicator_output_idx ON indicator (output_id)`);
    await runner.query(`
      CREATE TABLE indicator_alignment (
        indicator_id uuid NOT NULL REFERENCES indicator (id),
        framework_code text NOT NULL CHECK (framework_code IN ('AU_CRF', 'EU_GAP_III', 'OSCE', 'UN_1325')),
        indicator_code text NOT NULL CHECK (indicator_code ~ '^[A-Z0-9][A-Z0-9.-]{0,31}$'),
        PRIMARY KEY (indicator_id, framework_code, indicator_code)
      )`);
    await runner.query(`CREATE INDEX indicator_alignment_framework_idx ON indicator_alignment (framework_code, indicator_code)`);

    await runner.query(`
      ALTER TABLE measurement
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        ADD COLUMN supersedes_id uuid REFERENCES measurement (id),
        ADD COLUMN disaggregated_values jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN narrative text,
        ADD COLUMN source text,
        ADD COLUMN reported_status text CHECK (reported_status IN ('ACHIEVED', 'ON_TRACK', 'OFF_TRACK')),
        ADD COLUMN published_at timestamptz,
        ADD COLUMN published_by text,
        ADD CONSTRAINT measurement_version_unique UNIQUE (indicator_id, period, version),
        ADD CONSTRAINT measurement_published_complete CHECK (status = 'DRAFT' OR published_at IS NOT NULL)`);
    await runner.query(`UPDATE measurement SET published_at = recorded_at, published_by = recorded_by WHERE status = 'PUBLISHED' AND published_at IS NULL`);
    await runner.query(`
      CREATE FUNCTION measurement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'measurements are append-only: record a correction instead of deleting';
        END IF;
        IF (NEW.id, NEW.indicator_id, NEW.period, NEW.value, NEW.version, NEW.supersedes_id, NEW.disaggregated_values,
            NEW.narrative, NEW.source, NEW.reported_status, NEW.is_demo, NEW.recorded_at, NEW.recorded_by)
           IS DISTINCT FROM
           (OLD.id, OLD.indicator_id, OLD.period, OLD.value, OLD.version, OLD.supersedes_id, OLD.disaggregated_values,
            OLD.narrative, OLD.source, OLD.reported_status, OLD.is_demo, OLD.recorded_at, OLD.recorded_by)
           OR NOT (OLD.status = 'DRAFT' AND NEW.status = 'PUBLISHED') THEN
          RAISE EXCEPTION 'measurements are append-only: only DRAFT -> PUBLISHED may change';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER measurement_append_only BEFORE UPDATE OR DELETE ON measurement
        FOR EACH ROW EXECUTE FUNCTION measurement_append_only()`);

    await runner.query(`
      CREATE TABLE budget_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES national_action_plan (id),
        fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1990 AND 2100),
        partner_id uuid REFERENCES implementing_partner (id),
        activity_id uuid REFERENCES activity (id),
        description text NOT NULL CHECK (length(description) > 0),
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        allocated numeric(18, 2) NOT NULL CHECK (allocated >= 0),
        disbursed numeric(18, 2) NOT NULL DEFAULT 0 CHECK (disbursed >= 0),
        spent numeric(18, 2) NOT NULL DEFAULT 0 CHECK (spent >= 0),
        funding_source text NOT NULL CHECK (funding_source IN ('NATIONAL_BUDGET', 'DONOR', 'BASKET_FUND', 'OTHER')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
        published_at timestamptz,
        is_demo boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX budget_line_plan_idx ON budget_line (plan_id, fiscal_year)`);

    await runner.query(`
      CREATE TABLE progress_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES national_action_plan (id),
        kind text NOT NULL CHECK (kind IN ('ANNUAL', 'MID_TERM_REVIEW', 'FINAL_EVALUATION', 'PARLIAMENTARY')),
        title text NOT NULL CHECK (length(title) > 0),
        period_start integer NOT NULL,
        period_end integer NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
        findings text[] NOT NULL DEFAULT '{}',
        published_at timestamptz,
        published_by text,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end >= period_start)
      )`);
    await runner.query(`CREATE INDEX progress_report_plan_idx ON progress_report (plan_id, period_end)`);
    await runner.query(`
      CREATE TABLE report_recommendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES progress_report (id),
        position integer NOT NULL DEFAULT 0,
        text text NOT NULL CHECK (length(text) > 0),
        decision text,
        decided_on date,
        decided_by text
      )`);
    await runner.query(`CREATE INDEX report_recommendation_report_idx ON report_recommendation (report_id, position)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE report_recommendation`);
    await runner.query(`DROP TABLE progress_report`);
    await runner.query(`DROP TABLE budget_line`);
    await runner.query(`DROP TRIGGER measurement_append_only ON measurement`);
    await runner.query(`DROP FUNCTION measurement_append_only()`);
    await runner.query(`
      ALTER TABLE measurement DROP CONSTRAINT measurement_published_complete, DROP CONSTRAINT measurement_version_unique,
        DROP COLUMN published_by, DROP COLUMN published_at, DROP COLUMN reported_status, DROP COLUMN source, DROP COLUMN narrative,
        DROP COLUMN disaggregated_values, DROP COLUMN supersedes_id, DROP COLUMN version`);
    await runner.query(`DROP TABLE indicator_alignment`);
    await runner.query(`
      ALTER TABLE indicator DROP COLUMN responsible_partner_id, DROP COLUMN frequency, DROP COLUMN data_source,
        DROP COLUMN disaggregation, DROP COLUMN output_id, DROP COLUMN outcome_id, DROP COLUMN kind, DROP COLUMN level`);
    await runner.query(`DROP TABLE activity`);
    await runner.query(`DROP TABLE output`);
    await runner.query(`DROP TABLE outcome`);
    await runner.query(`DROP TABLE implementing_partner`);
    await runner.query(`DROP TABLE plan_document`);
    await runner.query(`
      ALTER TABLE national_action_plan DROP COLUMN earmarked, DROP COLUMN costed, DROP COLUMN baseline_study,
        DROP COLUMN civil_society_roles, DROP COLUMN csos_in_coordination_body, DROP COLUMN coordination_mechanism,
        DROP COLUMN national_pillars, DROP COLUMN pillars, DROP COLUMN focus, DROP COLUMN lead_agency, DROP COLUMN adoption_instrument`);
  }
}
