import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `('AU_CRF', 'EU_GAP_III', 'OSCE', 'UN_1325')`;
const AFTER = `('AU_CRF', 'CEDAW_GR30', 'EU_GAP_III', 'OSCE', 'UN_1325')`;

/**
 * CEDAW General Recommendation No. 30 as an alignment framework in the NAP
 * contract (kit AlignmentFramework): a member may align an indicator to it,
 * and prepare a submission for it. The constraints are the column checks of
 * 1763900000000 and 1764900000000 (Postgres names them <table>_<column>_check);
 * the regional subgraph widens its own in its 1765200000000.
 */
export class CedawGr301765300000000 implements MigrationInterface {
  name = 'CedawGr301765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await widen(runner, AFTER);
  }

  async down(runner: QueryRunner): Promise<void> {
    await widen(runner, BEFORE);
  }
}

async function widen(runner: QueryRunner, codes: string): Promise<void> {
  for (const table of ['indicator_alignment', 'submission']) {
    await runner.query(`ALTER TABLE public.${table} DROP CONSTRAINT ${table}_framework_code_check`);
    await runner.query(`ALTER TABLE public.${table} ADD CONSTRAINT ${table}_framework_code_check CHECK (framework_code IN ${codes})`);
  }
}
