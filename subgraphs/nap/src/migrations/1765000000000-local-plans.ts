import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FOCAL_POINT_SESSION, secureMemberTable } from './1764300000000-database-last-line.js';
import { MEMBER_APP_ROLE } from './1764100000000-row-level-security.js';

/** The levels a local plan may be at, and the value kinds of a local indicator (local-plan/local-plan.type.ts). */
const LEVELS = ['PROVINCE', 'DISTRICT', 'MUNICIPALITY'];
const VALUE_KINDS = ['COUNT', 'PERCENTAGE'];
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** The national indicator unit a local value kind rolls up to (indicator/indicator-values.ts: "number" and "%"). */
// In parentheses: PL/pgSQL reads an IF condition up to the first THEN outside them.
const UNIT_OF_KIND = `(CASE NEW.value_kind WHEN 'COUNT' THEN 'number' WHEN 'PERCENTAGE' THEN '%' END)`;

/**
 * A local indicator may roll up only to a quantitative national indicator of
 * the same national plan as its local plan, in the unit of its value kind.
 * Checked on every insert and update of a local indicator, whatever the
 * service did; the national side (a national indicator's plan, unit or kind
 * changing under a link) by the trigger after it.
 */
const SAME_PLAN_FUNCTION_SQL = `
  CREATE FUNCTION public.local_indicator_rolls_up_in_plan() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp AS $$
  DECLARE
    linked record;
    local_plan uuid;
  BEGIN
    IF NEW.national_indicator_id IS NULL THEN
      RETURN NEW;
    END IF;
    SELECT i.plan_id, i.unit, i.kind INTO linked FROM public.indicator i WHERE i.id = NEW.national_indicator_id;
    SELECT p.plan_id INTO local_plan FROM public.local_action_plan p WHERE p.id = NEW.local_plan_id;
    IF linked.plan_id IS NULL OR local_plan IS NULL OR linked.plan_id <> local_plan THEN
      RAISE EXCEPTION 'a local indicator rolls up only to an indicator of its own national plan' USING ERRCODE = 'check_violation';
    END IF;
    IF linked.kind <> 'QUANTITATIVE' OR pg_catalog.lower(pg_catalog.btrim(linked.unit)) <> ${UNIT_OF_KIND} THEN
      RAISE EXCEPTION 'a local % indicator rolls up only to a quantitative national indicator in %', NEW.value_kind, ${UNIT_OF_KIND} USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END $$`;

const NATIONAL_SIDE_FUNCTION_SQL = `
  CREATE FUNCTION public.indicator_keeps_local_links() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp AS $$
  BEGIN
    IF EXISTS (
      SELECT 1 FROM public.local_indicator li JOIN public.local_action_plan p ON p.id = li.local_plan_id
       WHERE li.national_indicator_id = NEW.id
         AND (p.plan_id <> NEW.plan_id OR NEW.kind <> 'QUANTITATIVE'
              OR pg_catalog.lower(pg_catalog.btrim(NEW.unit)) <> CASE li.value_kind WHEN 'COUNT' THEN 'number' WHEN 'PERCENTAGE' THEN '%' END)
    ) THEN
      RAISE EXCEPTION 'local indicators roll up to this indicator: its plan, kind and unit stay as they are' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END $$`;

/** A local plan stays under the national plan it was made for. */
const PLAN_FIXED_FUNCTION_SQL = `
  CREATE FUNCTION public.local_action_plan_stays_in_plan() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp AS $$
  BEGIN
    IF NEW.plan_id <> OLD.plan_id THEN
      RAISE EXCEPTION 'a local action plan stays under its national plan' USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.status = 'PUBLISHED' AND NEW.status <> 'PUBLISHED' THEN
      RAISE EXCEPTION 'a published local action plan stays published' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END $$`;

/**
 * Local (sub-national) action plans in the NAP contract (issue 13, item 4):
 * - `local_action_plan`: a province's, district's or municipality's plan
 *   under one national plan, DRAFT until published, with its area (name and
 *   an optional ISO 3166-2-shaped code), period, adoption date as precise as
 *   known, lead authority and sources;
 * - `local_indicator`: its own indicators (COUNT or PERCENTAGE), each
 *   rolling up to at most one national indicator of the same national plan
 *   (one local indicator per local plan and national indicator), enforced
 *   by triggers as well as by the service;
 * - `local_measurement`: one value per local indicator and period,
 *   append-only for the service's role (SELECT, INSERT).
 * Row-level security FORCEd as on every member table: a draft local plan,
 * its indicators and values are the member's focal points' only; a
 * published one is public. Every change is audited.
 */
export class LocalPlans1765000000000 implements MigrationInterface {
  name = 'LocalPlans1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE public.local_action_plan (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES public.national_action_plan (id),
        level text NOT NULL CHECK (level IN (${list(LEVELS)})),
        area_name text NOT NULL CHECK (length(area_name) BETWEEN 1 AND 200),
        area_code text CHECK (area_code ~ '^[A-Z]{2}-[A-Z0-9]{1,3}$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        period_start integer CHECK (period_start BETWEEN 1990 AND 2100),
        period_end integer CHECK (period_end BETWEEN 1990 AND 2100),
        adopted_on text CHECK (adopted_on ~ '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$'),
        lead_authority text CHECK (lead_authority IS NULL OR length(lead_authority) > 0),
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
        source_references text[] NOT NULL DEFAULT '{}',
        demo_fields text[] NOT NULL DEFAULT '{}',
        is_demo boolean NOT NULL DEFAULT false,
        drafted_by text,
        published_at timestamptz,
        published_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, level, area_name),
        CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start),
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);
    await runner.query(`
      CREATE TABLE public.local_indicator (
        id uuid PRIMARY KEY,
        local_plan_id uuid NOT NULL REFERENCES public.local_action_plan (id),
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        value_kind text NOT NULL CHECK (value_kind IN (${list(VALUE_KINDS)})),
        target_value numeric CHECK (target_value >= 0 AND (value_kind <> 'PERCENTAGE' OR target_value <= 100)),
        target_year integer CHECK (target_year BETWEEN 1990 AND 2100),
        national_indicator_id uuid REFERENCES public.indicator (id),
        position integer NOT NULL DEFAULT 0,
        is_demo boolean NOT NULL DEFAULT false,
        UNIQUE (local_plan_id, code),
        CHECK (target_year IS NULL OR target_value IS NOT NULL)
      )`);
    await runner.query(`CREATE UNIQUE INDEX local_indicator_one_per_national ON public.local_indicator (local_plan_id, national_indicator_id) WHERE national_indicator_id IS NOT NULL`);
    await runner.query(`CREATE INDEX local_indicator_national_idx ON public.local_indicator (national_indicator_id) WHERE national_indicator_id IS NOT NULL`);
    await runner.query(`
      CREATE TABLE public.local_measurement (
        id uuid PRIMARY KEY,
        local_indicator_id uuid NOT NULL REFERENCES public.local_indicator (id),
        period text NOT NULL CHECK (period ~ '^\\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$'),
        value numeric NOT NULL CHECK (value >= 0),
        is_demo boolean NOT NULL DEFAULT false,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (local_indicator_id, period)
      )`);

    await runner.query(SAME_PLAN_FUNCTION_SQL);
    await runner.query(`CREATE TRIGGER local_indicator_rolls_up_in_plan BEFORE INSERT OR UPDATE ON public.local_indicator FOR EACH ROW EXECUTE FUNCTION public.local_indicator_rolls_up_in_plan()`);
    await runner.query(NATIONAL_SIDE_FUNCTION_SQL);
    await runner.query(`CREATE TRIGGER indicator_keeps_local_links BEFORE UPDATE OF plan_id, unit, kind ON public.indicator FOR EACH ROW EXECUTE FUNCTION public.indicator_keeps_local_links()`);
    await runner.query(PLAN_FIXED_FUNCTION_SQL);
    await runner.query(`CREATE TRIGGER local_action_plan_stays_in_plan BEFORE UPDATE ON public.local_action_plan FOR EACH ROW EXECUTE FUNCTION public.local_action_plan_stays_in_plan()`);
    // Four-eyes publishing (migration 1764770000000) holds for local plans too: drafted_by may not publish when the member's rule is on.
    await runner.query(`CREATE TRIGGER local_action_plan_four_eyes BEFORE UPDATE ON public.local_action_plan FOR EACH ROW EXECUTE FUNCTION public.four_eyes_publishing()`);

    await runner.query(`GRANT SELECT, INSERT, UPDATE ON public.local_action_plan, public.local_indicator TO ${MEMBER_APP_ROLE}`);
    await runner.query(`GRANT SELECT, INSERT ON public.local_measurement TO ${MEMBER_APP_ROLE}`);
    await secureMemberTable(runner, 'local_action_plan', `status = 'PUBLISHED' OR ${FOCAL_POINT_SESSION}`);
    // Public with their local plan: the subqueries are themselves under local_action_plan's policy, which hides drafts from the public.
    const ofPublishedPlan = `EXISTS (SELECT 1 FROM public.local_action_plan p WHERE p.id = local_plan_id AND p.status = 'PUBLISHED')`;
    await secureMemberTable(runner, 'local_indicator', `${ofPublishedPlan} OR ${FOCAL_POINT_SESSION}`);
    const ofPublishedIndicator = `EXISTS (SELECT 1 FROM public.local_indicator li JOIN public.local_action_plan p ON p.id = li.local_plan_id WHERE li.id = local_indicator_id AND p.status = 'PUBLISHED')`;
    await secureMemberTable(runner, 'local_measurement', `${ofPublishedIndicator} OR ${FOCAL_POINT_SESSION}`);
    for (const table of ['local_action_plan', 'local_indicator', 'local_measurement']) {
      await runner.query(`CREATE TRIGGER ${table}_audit AFTER INSERT OR UPDATE OR DELETE ON public.${table} FOR EACH ROW EXECUTE FUNCTION public.audit_row_change()`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER indicator_keeps_local_links ON public.indicator`);
    await runner.query(`DROP TABLE public.local_measurement`);
    await runner.query(`DROP TABLE public.local_indicator`);
    await runner.query(`DROP TABLE public.local_action_plan`);
    await runner.query(`DROP FUNCTION public.indicator_keeps_local_links()`);
    await runner.query(`DROP FUNCTION public.local_indicator_rolls_up_in_plan()`);
    await runner.query(`DROP FUNCTION public.local_action_plan_stays_in_plan()`);
  }
}
