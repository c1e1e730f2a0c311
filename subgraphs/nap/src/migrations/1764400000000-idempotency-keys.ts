import { IDEMPOTENCY_MIGRATION_SQL, IDEMPOTENCY_ROLLBACK_SQL } from '@wps/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MEMBER_APP_ROLE } from './1764100000000-row-level-security.js';

/**
 * The keys of retried writes (kit idempotency.ts): each write sent with an
 * idempotency key stores the key, the operation's hash and its result in
 * its own transaction. A row is seen and written only under the actor the
 * transaction names (`wps.actor`, set once the write is authorised), so one
 * focal point's key never answers another's retry.
 */
export class IdempotencyKeys1764400000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of IDEMPOTENCY_MIGRATION_SQL) await runner.query(statement);
    await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO ${MEMBER_APP_ROLE}`);
    await runner.query(`ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY`);
    await runner.query(`ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY`);
    await runner.query(
      `CREATE POLICY own_keys ON idempotency_key FOR ALL USING (actor = current_setting('wps.actor', true)) WITH CHECK (actor = current_setting('wps.actor', true))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP POLICY own_keys ON idempotency_key`);
    for (const statement of IDEMPOTENCY_ROLLBACK_SQL) await runner.query(statement);
  }
}
