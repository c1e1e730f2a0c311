import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `('AU_CRF', 'EU_GAP_III', 'OSCE', 'UN_1325')`;
const AFTER = `('AU_CRF', 'CEDAW_GR30', 'EU_GAP_III', 'OSCE', 'UN_1325')`;

/**
 * CEDAW General Recommendation No. 30 (CEDAW/C/GC/30, 2013) as an alignment
 * framework: the framework codes a catalogue indicator and a reporting cycle
 * may carry gain CEDAW_GR30 (kit AlignmentFramework). The constraints are
 * the column checks of 1763900000000 and 1764900000000 (Postgres names them
 * <table>_<column>_check).
 */
export class CedawGr301765200000000 implements MigrationInterface {
  name = 'CedawGr301765200000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of ['framework_indicator', 'reporting_cycle']) {
      await runner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_framework_code_check`);
      await runner.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_framework_code_check CHECK (framework_code IN ${AFTER})`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['framework_indicator', 'reporting_cycle']) {
      await runner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_framework_code_check`);
      await runner.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_framework_code_check CHECK (framework_code IN ${BEFORE})`);
    }
  }
}
