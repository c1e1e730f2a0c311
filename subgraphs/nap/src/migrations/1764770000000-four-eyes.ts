import type { MigrationInterface, QueryRunner } from 'typeorm';

const CHECK = `
  CREATE OR REPLACE FUNCTION public.four_eyes_publishing() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp AS $$
  DECLARE
    drafted text := coalesce(pg_catalog.to_jsonb(OLD) ->> 'recorded_by', pg_catalog.to_jsonb(OLD) ->> 'drafted_by');
  BEGIN
    IF OLD.status = 'DRAFT' AND NEW.status = 'PUBLISHED'
       AND drafted IS NOT NULL AND NEW.published_by = drafted
       AND EXISTS (SELECT 1 FROM public.member_setting WHERE key = 'four_eyes_publishing' AND value = 'on') THEN
      RAISE EXCEPTION 'four-eyes publishing: % drafted this row and may not publish it', drafted USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END $$`;

/**
 * Four-eyes publishing (member/four-eyes.ts): a progress report now keeps who
 * drafted it (`drafted_by`; null for reports from before, which the rule
 * cannot check), and a trigger refuses to publish a measurement or report by
 * the focal point who drafted it, when the member's setting is on.
 */
export class FourEyes1764770000000 implements MigrationInterface {
  name = 'FourEyes1764770000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public.progress_report ADD COLUMN drafted_by text`);
    await runner.query(CHECK);
    for (const table of ['measurement', 'progress_report']) {
      await runner.query(`CREATE TRIGGER ${table}_four_eyes BEFORE UPDATE ON public.${table} FOR EACH ROW EXECUTE FUNCTION public.four_eyes_publishing()`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['measurement', 'progress_report']) await runner.query(`DROP TRIGGER ${table}_four_eyes ON public.${table}`);
    await runner.query(`DROP FUNCTION public.four_eyes_publishing()`);
    await runner.query(`ALTER TABLE public.progress_report DROP COLUMN drafted_by`);
  }
}
