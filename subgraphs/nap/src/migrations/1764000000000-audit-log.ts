import { AUDIT_LOG_MIGRATION_SQL, AUDIT_LOG_ROLLBACK_SQL, auditTriggerSql } from '@wps/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables of the NAP contract whose every change is audited. */
const AUDITED = [
  'national_action_plan', 'plan_document', 'implementing_partner', 'outcome', 'output', 'activity', 'indicator',
  'indicator_alignment', 'measurement', 'budget_line', 'progress_report', 'report_recommendation', 'member_setting',
];

/**
 * The member's append-only audit log: who, when, what, before and after, for
 * every row any write changes, recorded by triggers in the database it changes.
 */
export class AuditLog1764000000000 implements MigrationInterface {
  name = 'AuditLog1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of [...AUDIT_LOG_MIGRATION_SQL, ...auditTriggerSql(AUDITED)]) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of AUDITED) await runner.query(`DROP TRIGGER ${table}_audit ON ${table}`);
    await runner.query(`DROP FUNCTION audit_row_change()`);
    for (const statement of AUDIT_LOG_ROLLBACK_SQL) await runner.query(statement);
  }
}
