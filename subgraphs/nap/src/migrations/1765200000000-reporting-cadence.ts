import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How often a plan says it reports on itself. */
export const REPORTING_CADENCES = ['ANNUAL', 'SEMI_ANNUAL', 'QUARTERLY', 'BIENNIAL', 'OTHER'];
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * A plan's own reporting cadence (issue 13): how often the plan itself says
 * progress is reported (Georgia's fourth NAP: six-monthly progress reports),
 * with a note in its words and where that is stated. Null when unknown; a
 * note or sources without a cadence cannot be. The plan's table is already
 * under RLS and audited: only columns are new.
 */
export class ReportingCadence1765200000000 implements MigrationInterface {
  name = 'ReportingCadence1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public.national_action_plan
      ADD COLUMN reporting_cadence text CHECK (reporting_cadence IN (${list(REPORTING_CADENCES)})),
      ADD COLUMN reporting_cadence_note text CHECK (reporting_cadence_note IS NULL OR length(reporting_cadence_note) > 0),
      ADD COLUMN reporting_cadence_sources text[] NOT NULL DEFAULT '{}',
      ADD CONSTRAINT national_action_plan_reporting_cadence_known CHECK (reporting_cadence IS NOT NULL OR (reporting_cadence_note IS NULL AND cardinality(reporting_cadence_sources) = 0))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public.national_action_plan
      DROP CONSTRAINT national_action_plan_reporting_cadence_known,
      DROP COLUMN reporting_cadence_sources,
      DROP COLUMN reporting_cadence_note,
      DROP COLUMN reporting_cadence`);
  }
}
