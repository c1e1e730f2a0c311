import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Demo civic statements: `is_demo` marks the generated statements of
 * fictional organisations (seed/demo-civic-voice.ts, SEED_DEMO), so they are
 * flagged wherever they flow. A statement written through the API is never
 * demo (the default). Adding a column does not touch the published rows'
 * trigger: ALTER TABLE is not an UPDATE.
 */
export class CivicDemo1765200000000 implements MigrationInterface {
  name = 'CivicDemo1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE civic_statement ADD COLUMN is_demo boolean NOT NULL DEFAULT false`);
    await runner.query(`ALTER TABLE civic_author ADD COLUMN is_demo boolean NOT NULL DEFAULT false`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE civic_author DROP COLUMN is_demo`);
    await runner.query(`ALTER TABLE civic_statement DROP COLUMN is_demo`);
  }
}
