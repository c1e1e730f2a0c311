import { HUB_SERVICE_ROLE } from '@wps/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const PARTIAL_DATE = `'^\\d{4}(-\\d{2}(-\\d{2})?)?$'`;
const TABLES = ['regional_community', 'regional_community_member', 'regional_community_change', 'regional_action_plan'];

/**
 * The AU-recognised regional economic communities with their members and
 * membership changes (data/regional-economic-communities.json), and the
 * regional action plans on WPS (data/regional-action-plans.json): reference
 * data, replaced from the data files at every start by the owner. The
 * service's role only reads them: no mutation writes reference data.
 */
export class RegionalCommunities1765000000000 implements MigrationInterface {
  name = 'RegionalCommunities1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE public.regional_community (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z-]{1,9}$'),
        name text NOT NULL CHECK (length(name) > 0),
        members_complete boolean NOT NULL,
        as_of text NOT NULL CHECK (as_of ~ ${PARTIAL_DATE}),
        note text,
        sources text[] NOT NULL CHECK (cardinality(sources) > 0)
      )`);
    await runner.query(`
      CREATE TABLE public.regional_community_member (
        community_code text NOT NULL REFERENCES public.regional_community (code) ON DELETE CASCADE,
        country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
        PRIMARY KEY (community_code, country_code)
      )`);
    await runner.query(`CREATE INDEX regional_community_member_country ON public.regional_community_member (country_code)`);
    await runner.query(`
      CREATE TABLE public.regional_community_change (
        community_code text NOT NULL REFERENCES public.regional_community (code) ON DELETE CASCADE,
        country_code char(2) NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
        change text NOT NULL CHECK (change IN ('JOINED', 'LEFT')),
        date text NOT NULL CHECK (date ~ ${PARTIAL_DATE}),
        detail text,
        source_conflict text,
        sources text[] NOT NULL CHECK (cardinality(sources) > 0),
        PRIMARY KEY (community_code, country_code, change, date)
      )`);
    await runner.query(`
      CREATE TABLE public.regional_action_plan (
        key text PRIMARY KEY CHECK (length(key) > 0),
        body text NOT NULL CHECK (length(body) > 0),
        community_code text REFERENCES public.regional_community (code) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) > 0),
        period_start integer CHECK (period_start BETWEEN 1990 AND 2100),
        period_end integer CHECK (period_end BETWEEN 1990 AND 2100),
        adopted_on text CHECK (adopted_on ~ ${PARTIAL_DATE}),
        verified boolean NOT NULL,
        note text,
        source_conflict text,
        sources text[] NOT NULL CHECK (cardinality(sources) > 0),
        CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
      )`);
    await runner.query(`CREATE INDEX regional_action_plan_community ON public.regional_action_plan (community_code)`);
    // Default privileges (RegionalServiceLogin1764600000000) gave the service everything on new tables: reference data is SELECT only.
    for (const table of TABLES) await runner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.${table} FROM ${HUB_SERVICE_ROLE}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await runner.query(`DROP TABLE public.${table}`);
  }
}
