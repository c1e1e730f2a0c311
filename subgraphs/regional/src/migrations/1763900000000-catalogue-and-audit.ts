import { AUDIT_LOG_MIGRATION_SQL, AUDIT_LOG_ROLLBACK_SQL } from '@wps/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Framework indicator catalogues (imported as data), registry check results, and the audit log. */
export class CatalogueAndAudit1763900000000 implements MigrationInterface {
  name = 'CatalogueAndAudit1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE framework_indicator (
        framework_code text NOT NULL CHECK (framework_code IN ('AU_CRF', 'EU_GAP_III', 'OSCE', 'UN_1325')),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9.-]{0,31}$'),
        title text NOT NULL CHECK (length(title) > 0),
        pillar text CHECK (pillar IN ('PARTICIPATION', 'PREVENTION', 'PROTECTION', 'RELIEF_AND_RECOVERY')),
        level text CHECK (level IN ('OUTCOME', 'OUTPUT')),
        position integer NOT NULL,
        illustrative boolean NOT NULL DEFAULT false,
        source text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (framework_code, code)
      )`);
    for (const statement of AUDIT_LOG_MIGRATION_SQL) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of AUDIT_LOG_ROLLBACK_SQL) await runner.query(statement);
    await runner.query(`DROP TABLE framework_indicator`);
  }
}
