import { HUB_SERVICE_ROLE, hubServiceGrantsRollbackSql, hubServiceGrantsSql } from '@wps/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service serves as a login role that owns nothing ({@link HUB_SERVICE_ROLE}),
 * apart from the role that runs these migrations: it reads and writes its
 * tables, appends to the audit log, and can neither change nor empty the log
 * (TRUNCATE refused to the owner too), nor alter a table.
 */
export class RegionalServiceLogin1764600000000 implements MigrationInterface {
  name = 'RegionalServiceLogin1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of hubServiceGrantsSql(HUB_SERVICE_ROLE)) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of hubServiceGrantsRollbackSql(HUB_SERVICE_ROLE)) await runner.query(statement);
  }
}
