import { HUB_SERVICE_ROLE } from '@wps/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting cycles (reference data from data/reporting-cycles.json) and the
 * hub's receipts of members' submissions. A receipt is append-only: the
 * service's role may read and add receipts, never change or remove one, and
 * a trigger refuses UPDATE, DELETE and TRUNCATE to every role, the owner
 * included. Adding a receipt is audited in the same transaction (reporting.service.ts).
 */
export class Reporting1764900000000 implements MigrationInterface {
  name = 'Reporting1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE public.reporting_cycle (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]+-[0-9]{4}$'),
        framework_code text NOT NULL CHECK (framework_code IN ('AU_CRF', 'EU_GAP_III', 'OSCE', 'UN_1325')),
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        title text NOT NULL CHECK (length(title) > 0),
        cadence text NOT NULL CHECK (cadence IN ('ANNUAL')),
        cadence_note text NOT NULL,
        cadence_illustrative boolean NOT NULL,
        due_on date NOT NULL,
        due_illustrative boolean NOT NULL,
        sources text[] NOT NULL,
        UNIQUE (framework_code, year)
      )`);
    await runner.query(`
      CREATE TABLE public.submission_receipt (
        id bigserial PRIMARY KEY,
        cycle_code text NOT NULL REFERENCES public.reporting_cycle (code),
        country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
        version integer NOT NULL CHECK (version > 0),
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        member_claimed_hash text,
        answered integer NOT NULL CHECK (answered >= 0),
        explained integer NOT NULL CHECK (explained >= 0),
        received_at timestamptz NOT NULL DEFAULT now(),
        received_from text NOT NULL,
        UNIQUE (cycle_code, country_code, version)
      )`);
    await runner.query(`
      CREATE FUNCTION public.submission_receipt_append_only() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        RAISE EXCEPTION 'receipts are append-only: a receipt is never changed or removed';
      END $$`);
    await runner.query(`CREATE TRIGGER submission_receipt_append_only BEFORE UPDATE OR DELETE ON public.submission_receipt FOR EACH ROW EXECUTE FUNCTION public.submission_receipt_append_only()`);
    await runner.query(`CREATE TRIGGER submission_receipt_no_truncate BEFORE TRUNCATE ON public.submission_receipt FOR EACH STATEMENT EXECUTE FUNCTION public.submission_receipt_append_only()`);
    // Default privileges (RegionalServiceLogin1764600000000) gave the service everything on new tables: receipts are SELECT, INSERT only.
    await runner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON public.submission_receipt FROM ${HUB_SERVICE_ROLE}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE public.submission_receipt`);
    await runner.query(`DROP FUNCTION public.submission_receipt_append_only()`);
    await runner.query(`DROP TABLE public.reporting_cycle`);
  }
}
