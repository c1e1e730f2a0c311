import { AUDIT_HARDENING_ROLLBACK_SQL, AUDIT_HARDENING_SQL } from '@wps/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FOCAL_POINT_SESSION_FUNCTION_SQL, newDraftKey } from '../member/draft-claim.js';
import { DEMO_SEED_DISPLAY, recorderDisplayName } from '../member/recorder-display.js';
import { MEMBER_APP_ROLE } from './1764100000000-row-level-security.js';

/** Tables of the member's data under row-level security since RowLevelSecurity1764100000000. */
const MEMBER_TABLES = [
  'national_action_plan', 'plan_document', 'implementing_partner', 'outcome', 'output', 'activity', 'indicator',
  'indicator_alignment', 'measurement', 'budget_line', 'progress_report', 'report_recommendation',
];
/** Tables whose rows are drafts until published. */
const WITH_DRAFTS = ['measurement', 'budget_line', 'progress_report'];

/** The predicate of a session served for one of this member's own focal points (see member/draft-claim.ts). */
export const FOCAL_POINT_SESSION = '(SELECT public.wps_focal_point_session())';
/** The predicate of an authorised write: a focal point's session whose transaction named its actor. */
export const AUTHORISED_WRITE = `${FOCAL_POINT_SESSION} AND coalesce(pg_catalog.current_setting('wps.actor', true), '') <> ''`;

/**
 * Row-level security of one table, for a later migration's new table too:
 * ENABLEd and FORCEd (the owner is bound by policies as well), the migrations
 * role (the owner, running migrations and seeds) may do anything, the
 * service's role reads what `visible` allows and writes only as
 * `AUTHORISED_WRITE`.
 */
export async function secureMemberTable(runner: QueryRunner, table: string, visible: string): Promise<void> {
  await runner.query(`ALTER TABLE public.${table} ENABLE ROW LEVEL SECURITY`);
  await runner.query(`ALTER TABLE public.${table} FORCE ROW LEVEL SECURITY`);
  await runner.query(`DO $$ BEGIN EXECUTE format('CREATE POLICY migrations_all ON public.${table} TO %I USING (true) WITH CHECK (true)', current_user); END $$`);
  await runner.query(`CREATE POLICY member_read ON public.${table} FOR SELECT TO ${MEMBER_APP_ROLE} USING (${visible})`);
  await runner.query(`CREATE POLICY member_insert ON public.${table} FOR INSERT TO ${MEMBER_APP_ROLE} WITH CHECK (${AUTHORISED_WRITE})`);
  await runner.query(`CREATE POLICY member_update ON public.${table} FOR UPDATE TO ${MEMBER_APP_ROLE} USING (${AUTHORISED_WRITE}) WITH CHECK (${AUTHORISED_WRITE})`);
  await runner.query(`CREATE POLICY member_delete ON public.${table} FOR DELETE TO ${MEMBER_APP_ROLE} USING (${AUTHORISED_WRITE})`);
}

/** The measurement append-only trigger function, pinned, with the display among the columns that never change (or without, for `down`). */
function measurementAppendOnlySql(withDisplay: boolean): string {
  const columns = ['id', 'indicator_id', 'period', 'value', 'version', 'supersedes_id', 'disaggregated_values', 'narrative', 'source', 'reported_status', 'is_demo', 'recorded_at', 'recorded_by', ...(withDisplay ? ['recorded_by_display'] : [])];
  return `
    CREATE OR REPLACE FUNCTION public.measurement_append_only() RETURNS trigger LANGUAGE plpgsql
    ${withDisplay ? 'SET search_path = pg_catalog, pg_temp' : ''} AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'measurements are append-only: record a correction instead of deleting';
      END IF;
      IF (${columns.map((column) => `NEW.${column}`).join(', ')})
         IS DISTINCT FROM
         (${columns.map((column) => `OLD.${column}`).join(', ')})
         OR NOT (OLD.status = 'DRAFT' AND NEW.status = 'PUBLISHED') THEN
        RAISE EXCEPTION 'measurements are append-only: only DRAFT -> PUBLISHED may change';
      END IF;
      RETURN NEW;
    END $$`;
}

/**
 * The database as the last line, holding even if the service is wrong
 * (a bug, an injection) — see SECURITY.md "The database as the last line":
 * - drafts and writes need a claim the service signs per connection with a
 *   per-database key its role cannot read (member/draft-claim.ts), no longer
 *   a session setting (`wps.drafts`) any role can set;
 * - row-level security is ENABLEd and FORCEd on every member table, the
 *   audit log and the member's settings;
 * - the service's role has no TRUNCATE anywhere and only SELECT, INSERT on
 *   the audit log, which refuses TRUNCATE (a statement trigger) besides
 *   UPDATE and DELETE;
 * - every trigger function pins its search_path and names its tables with
 *   their schema, so a temporary table cannot capture its writes.
 * - a measurement keeps, besides its recorder's token subject, what the
 *   public sees of them (`recorded_by_display`, "Focal point, Kenya"):
 *   existing rows are converted here.
 * (The service now logs in as its role, owning nothing: kit
 * `serviceLoginConfig`; it no longer logs in as the owner.)
 */
export class DatabaseLastLine1764300000000 implements MigrationInterface {
  name = 'DatabaseLastLine1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    // The key of the focal points' claims, readable by the migrations role only.
    await runner.query(`CREATE TABLE public.member_draft_key (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      inner_pad bytea NOT NULL CHECK (length(inner_pad) = 64),
      outer_pad bytea NOT NULL CHECK (length(outer_pad) = 64)
    )`);
    await runner.query(`REVOKE ALL ON public.member_draft_key FROM PUBLIC`);
    const key = newDraftKey();
    await runner.query(`INSERT INTO public.member_draft_key (inner_pad, outer_pad) VALUES ($1, $2)`, [key.inner, key.outer]);
    await runner.query(FOCAL_POINT_SESSION_FUNCTION_SQL);
    await runner.query(`REVOKE ALL ON FUNCTION public.wps_focal_point_session() FROM PUBLIC`);
    await runner.query(`GRANT EXECUTE ON FUNCTION public.wps_focal_point_session() TO ${MEMBER_APP_ROLE}`);

    // Policies again, on the claim instead of `wps.drafts`; FORCEd.
    for (const table of MEMBER_TABLES) {
      for (const policy of ['member_read', 'member_insert', 'member_update', 'member_delete']) await runner.query(`DROP POLICY ${policy} ON public.${table}`);
      await secureMemberTable(runner, table, WITH_DRAFTS.includes(table) ? `status = 'PUBLISHED' OR ${FOCAL_POINT_SESSION}` : 'true');
    }
    // The member's settings: readable, never written by the service.
    await runner.query(`ALTER TABLE public.member_setting ENABLE ROW LEVEL SECURITY`);
    await runner.query(`ALTER TABLE public.member_setting FORCE ROW LEVEL SECURITY`);
    await runner.query(`DO $$ BEGIN EXECUTE format('CREATE POLICY migrations_all ON public.member_setting TO %I USING (true) WITH CHECK (true)', current_user); END $$`);
    await runner.query(`CREATE POLICY member_read ON public.member_setting FOR SELECT TO ${MEMBER_APP_ROLE} USING (true)`);
    // The audit log holds drafts' contents (before, after): read by the member's focal points, appended to by their writes.
    await runner.query(`ALTER TABLE public.audit_log ENABLE ROW LEVEL SECURITY`);
    await runner.query(`ALTER TABLE public.audit_log FORCE ROW LEVEL SECURITY`);
    await runner.query(`DO $$ BEGIN EXECUTE format('CREATE POLICY migrations_all ON public.audit_log TO %I USING (true) WITH CHECK (true)', current_user); END $$`);
    await runner.query(`CREATE POLICY member_read ON public.audit_log FOR SELECT TO ${MEMBER_APP_ROLE} USING (${FOCAL_POINT_SESSION})`);
    await runner.query(`CREATE POLICY member_append ON public.audit_log FOR INSERT TO ${MEMBER_APP_ROLE} WITH CHECK (${AUTHORISED_WRITE})`);

    // Privileges: no TRUNCATE anywhere; the audit log is SELECT, INSERT only; nothing may be created in the schema.
    await runner.query(`REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM PUBLIC, ${MEMBER_APP_ROLE}`);
    await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON public.audit_log FROM PUBLIC, ${MEMBER_APP_ROLE}`);
    await runner.query(`REVOKE CREATE ON SCHEMA public FROM ${MEMBER_APP_ROLE}`);

    // Trigger functions: pinned search_path, schema-qualified names; TRUNCATE of the audit log refused.
    for (const statement of AUDIT_HARDENING_SQL) await runner.query(statement);

    // recordedBy for the public: a display stored with the row, as immutable as the rest of a measurement.
    const [claimed] = (await runner.query(`SELECT value FROM public.member_setting WHERE key = 'country_code'`)) as { value: string }[];
    await runner.query(`ALTER TABLE public.measurement ADD COLUMN recorded_by_display text`);
    await runner.query(`ALTER TABLE public.measurement DISABLE TRIGGER measurement_append_only`);
    await runner.query(`UPDATE public.measurement SET recorded_by_display = CASE WHEN recorded_by = 'demo-seed' THEN $1 ELSE $2 END`, [
      DEMO_SEED_DISPLAY,
      claimed ? recorderDisplayName(claimed.value) : 'Focal point',
    ]);
    await runner.query(`ALTER TABLE public.measurement ENABLE TRIGGER measurement_append_only`);
    await runner.query(`ALTER TABLE public.measurement ALTER COLUMN recorded_by_display SET NOT NULL, ADD CONSTRAINT measurement_recorded_by_display_present CHECK (length(recorded_by_display) > 0)`);
    await runner.query(measurementAppendOnlySql(true));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(measurementAppendOnlySql(false));
    await runner.query(`ALTER TABLE public.measurement DROP COLUMN recorded_by_display`);
    for (const statement of AUDIT_HARDENING_ROLLBACK_SQL) await runner.query(statement);
    for (const table of ['audit_log', 'member_setting']) {
      for (const policy of ['migrations_all', 'member_read', 'member_append']) await runner.query(`DROP POLICY IF EXISTS ${policy} ON public.${table}`);
      await runner.query(`ALTER TABLE public.${table} NO FORCE ROW LEVEL SECURITY`);
      await runner.query(`ALTER TABLE public.${table} DISABLE ROW LEVEL SECURITY`);
    }
    const drafts = `current_setting('wps.drafts', true) = 'on'`;
    const authorised = `coalesce(current_setting('wps.actor', true), '') <> ''`;
    for (const table of MEMBER_TABLES) {
      for (const policy of ['migrations_all', 'member_read', 'member_insert', 'member_update', 'member_delete']) await runner.query(`DROP POLICY ${policy} ON public.${table}`);
      await runner.query(`ALTER TABLE public.${table} NO FORCE ROW LEVEL SECURITY`);
      await runner.query(`CREATE POLICY member_read ON public.${table} FOR SELECT TO ${MEMBER_APP_ROLE} USING (${WITH_DRAFTS.includes(table) ? `status = 'PUBLISHED' OR ${drafts}` : 'true'})`);
      await runner.query(`CREATE POLICY member_insert ON public.${table} FOR INSERT TO ${MEMBER_APP_ROLE} WITH CHECK (${authorised})`);
      await runner.query(`CREATE POLICY member_update ON public.${table} FOR UPDATE TO ${MEMBER_APP_ROLE} USING (${authorised}) WITH CHECK (${authorised})`);
      await runner.query(`CREATE POLICY member_delete ON public.${table} FOR DELETE TO ${MEMBER_APP_ROLE} USING (${authorised})`);
    }
    await runner.query(`DROP FUNCTION public.wps_focal_point_session()`);
    await runner.query(`DROP TABLE public.member_draft_key`);
  }
}
