import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role the NAP service runs as: it owns no table and cannot bypass row-level security. */
export const MEMBER_APP_ROLE = 'wps_member_app';

const TABLES = [
  'national_action_plan', 'plan_document', 'implementing_partner', 'outcome', 'output', 'activity', 'indicator',
  'indicator_alignment', 'measurement', 'budget_line', 'progress_report', 'report_recommendation',
];
/** Tables whose rows are drafts until published. */
const WITH_DRAFTS = ['measurement', 'budget_line', 'progress_report'];

/**
 * Row-level security, the last line behind the service's own checks:
 * - the service connects as `wps_member_app` (no ownership, no BYPASSRLS);
 * - drafts are invisible unless the transaction or session says
 *   `wps.drafts = on` (set only for this member's own focal points);
 * - no row can be written unless the transaction named its actor
 *   (`wps.actor`), which only happens after the write was authorised;
 * - the audit log can be appended to and read, never changed.
 */
export class RowLevelSecurity1764100000000 implements MigrationInterface {
  name = 'RowLevelSecurity1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    // Roles are per cluster: several member databases may share one (the demo), so create it once, racing safely.
    await runner.query(`
      DO $$ BEGIN
        CREATE ROLE ${MEMBER_APP_ROLE} NOLOGIN NOBYPASSRLS;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await runner.query(`
      DO $$ BEGIN
        EXECUTE format('GRANT ${MEMBER_APP_ROLE} TO %I', current_user);
      EXCEPTION WHEN duplicate_object OR unique_violation OR invalid_grant_operation THEN NULL;
      END $$`);
    await runner.query(`GRANT USAGE ON SCHEMA public TO ${MEMBER_APP_ROLE}`);
    await runner.query(`GRANT SELECT ON member_setting, schema_migrations TO ${MEMBER_APP_ROLE}`);
    await runner.query(`GRANT SELECT, INSERT ON audit_log TO ${MEMBER_APP_ROLE}`);
    await runner.query(`GRANT USAGE ON SEQUENCE audit_log_id_seq TO ${MEMBER_APP_ROLE}`);
    for (const table of TABLES) {
      await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${MEMBER_APP_ROLE}`);
      await runner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      const visible = WITH_DRAFTS.includes(table) ? `status = 'PUBLISHED' OR current_setting('wps.drafts', true) = 'on'` : 'true';
      await runner.query(`CREATE POLICY member_read ON ${table} FOR SELECT TO ${MEMBER_APP_ROLE} USING (${visible})`);
      const authorised = `coalesce(current_setting('wps.actor', true), '') <> ''`;
      await runner.query(`CREATE POLICY member_insert ON ${table} FOR INSERT TO ${MEMBER_APP_ROLE} WITH CHECK (${authorised})`);
      await runner.query(`CREATE POLICY member_update ON ${table} FOR UPDATE TO ${MEMBER_APP_ROLE} USING (${authorised}) WITH CHECK (${authorised})`);
      await runner.query(`CREATE POLICY member_delete ON ${table} FOR DELETE TO ${MEMBER_APP_ROLE} USING (${authorised})`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const policy of ['member_read', 'member_insert', 'member_update', 'member_delete']) await runner.query(`DROP POLICY ${policy} ON ${table}`);
      await runner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      await runner.query(`REVOKE ALL ON ${table} FROM ${MEMBER_APP_ROLE}`);
    }
    await runner.query(`REVOKE ALL ON member_setting, schema_migrations, audit_log FROM ${MEMBER_APP_ROLE}`);
    await runner.query(`REVOKE ALL ON SEQUENCE audit_log_id_seq FROM ${MEMBER_APP_ROLE}`);
    await runner.query(`REVOKE USAGE ON SCHEMA public FROM ${MEMBER_APP_ROLE}`);
  }
}
