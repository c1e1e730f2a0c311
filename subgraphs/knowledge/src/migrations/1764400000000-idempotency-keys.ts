import { IDEMPOTENCY_MIGRATION_SQL, IDEMPOTENCY_ROLLBACK_SQL } from '@wps/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The keys of retried writes (kit idempotency.ts): key, actor, the operation's hash and its result, stored with the write. */
export class IdempotencyKeys1764400000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of IDEMPOTENCY_MIGRATION_SQL) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of IDEMPOTENCY_ROLLBACK_SQL) await runner.query(statement);
  }
}
