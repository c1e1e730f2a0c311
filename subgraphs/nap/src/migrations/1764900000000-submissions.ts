import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FOCAL_POINT_SESSION, secureMemberTable } from './1764300000000-database-last-line.js';
import { MEMBER_APP_ROLE } from './1764100000000-row-level-security.js';

const SUBMITTED = `status = 'SUBMITTED'`;

/**
 * A member's submissions to a framework's reporting cycle (submission/):
 * - `submission`: one per framework and year, DRAFT → LOCKED → SUBMITTED,
 *   holding the snapshot of the member's own data it was prepared from;
 *   once SUBMITTED it never changes (trigger);
 * - `submission_gap`: a required framework indicator explained instead of answered;
 * - `submission_version`: a locked version, N = 1, 2, …, with its canonical
 *   JSON and sha256; never changed or removed, by any role (trigger), and
 *   the service's role has only SELECT, INSERT on it; a CHECK ties the hash to the text.
 * Row-level security FORCEd as on every member table: drafts and locked
 * versions are the member's focal points' only; a submitted submission and its
 * submitted version are public. Every change is audited.
 */
export class Submissions1764900000000 implements MigrationInterface {
  name = 'Submissions1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE public.submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_code text NOT NULL CHECK (framework_code IN ('AU_CRF', 'EU_GAP_III', 'OSCE', 'UN_1325')),
        cycle_year integer NOT NULL CHECK (cycle_year BETWEEN 1990 AND 2100),
        plan_id uuid NOT NULL REFERENCES public.national_action_plan (id),
        status text NOT NULL CHECK (status IN ('DRAFT', 'LOCKED', 'SUBMITTED')),
        draft_content jsonb NOT NULL,
        prepared_at timestamptz NOT NULL DEFAULT now(),
        prepared_by text NOT NULL,
        submitted_version integer,
        submitted_at timestamptz,
        submitted_by text,
        UNIQUE (framework_code, cycle_year),
        CHECK ((status = 'SUBMITTED') = (submitted_version IS NOT NULL AND submitted_at IS NOT NULL AND submitted_by IS NOT NULL))
      )`);
    await runner.query(`
      CREATE TABLE public.submission_gap (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES public.submission (id),
        indicator_code text NOT NULL CHECK (indicator_code ~ '^[A-Z0-9][A-Z0-9.-]{0,31}$'),
        explanation text NOT NULL CHECK (length(explanation) > 0),
        explained_by text NOT NULL,
        explained_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (submission_id, indicator_code)
      )`);
    await runner.query(`
      CREATE TABLE public.submission_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES public.submission (id),
        version integer NOT NULL CHECK (version > 0),
        content jsonb NOT NULL,
        canonical text NOT NULL,
        content_hash text NOT NULL CHECK (content_hash = pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(canonical, 'UTF8')), 'hex')),
        complete boolean NOT NULL,
        locked_at timestamptz NOT NULL DEFAULT now(),
        locked_by text NOT NULL,
        UNIQUE (submission_id, version)
      )`);
    await runner.query(`
      CREATE FUNCTION public.submission_version_immutable() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        RAISE EXCEPTION 'a locked submission version never changes: lock a new version instead';
      END $$`);
    await runner.query(`CREATE TRIGGER submission_version_immutable BEFORE UPDATE OR DELETE ON public.submission_version FOR EACH ROW EXECUTE FUNCTION public.submission_version_immutable()`);
    await runner.query(`CREATE TRIGGER submission_version_no_truncate BEFORE TRUNCATE ON public.submission_version FOR EACH STATEMENT EXECUTE FUNCTION public.submission_version_immutable()`);
    await runner.query(`
      CREATE FUNCTION public.submission_submitted_final() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF OLD.status = 'SUBMITTED' THEN
          RAISE EXCEPTION 'a submitted submission never changes';
        END IF;
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'submissions are never deleted';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`CREATE TRIGGER submission_submitted_final BEFORE UPDATE OR DELETE ON public.submission FOR EACH ROW EXECUTE FUNCTION public.submission_submitted_final()`);

    await runner.query(`GRANT SELECT, INSERT, UPDATE ON public.submission, public.submission_gap TO ${MEMBER_APP_ROLE}`);
    await runner.query(`GRANT SELECT, INSERT ON public.submission_version TO ${MEMBER_APP_ROLE}`);
    await secureMemberTable(runner, 'submission', `${SUBMITTED} OR ${FOCAL_POINT_SESSION}`);
    const ofSubmitted = `EXISTS (SELECT 1 FROM public.submission s WHERE s.id = submission_id AND s.status = 'SUBMITTED')`;
    await secureMemberTable(runner, 'submission_gap', `${ofSubmitted} OR ${FOCAL_POINT_SESSION}`);
    await secureMemberTable(
      runner,
      'submission_version',
      `EXISTS (SELECT 1 FROM public.submission s WHERE s.id = submission_id AND s.status = 'SUBMITTED' AND s.submitted_version = version) OR ${FOCAL_POINT_SESSION}`,
    );
    for (const table of ['submission', 'submission_gap', 'submission_version']) {
      await runner.query(`CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON public.${table} FOR EACH ROW EXECUTE FUNCTION public.audit_row_change()`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE public.submission_version`);
    await runner.query(`DROP TABLE public.submission_gap`);
    await runner.query(`DROP TABLE public.submission`);
    await runner.query(`DROP FUNCTION public.submission_version_immutable()`);
    await runner.query(`DROP FUNCTION public.submission_submitted_final()`);
  }
}
