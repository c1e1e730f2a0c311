import { auditTriggerSql } from '@wps/kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FOCAL_POINT_SESSION, secureMemberTable } from './1764300000000-database-last-line.js';
import { MEMBER_APP_ROLE } from './1764100000000-row-level-security.js';

/** The OECD DAC gender equality policy marker values a budget line may carry. */
const GENDER_MARKERS = ['NOT_SCREENED', 'NOT_TARGETED', 'SIGNIFICANT', 'PRINCIPAL'];
/** Who a disbursement went to. */
const RECIPIENT_TYPES = ['GOVERNMENT', 'CSO', 'WOMENS_RIGHTS_ORGANISATION', 'GRASSROOTS', 'MULTILATERAL', 'OTHER', 'UNKNOWN'];
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * Financing that reaches the ground (issue 13, item 5):
 * - a plan's costed estimate (amount, currency, where the figure comes from),
 *   and a budget line's own estimate, against which allocations give the
 *   funding gap;
 * - the OECD DAC gender equality policy marker of every budget line
 *   (NOT_SCREENED until someone screens it);
 * - disbursements as rows (amount, date, recipient type, recipient name),
 *   in their budget line's currency, so the share reaching civil society and
 *   grassroots organisations is computed from the member's own rows. A
 *   disbursement is public when its budget line is; RLS FORCEd like every
 *   member table, audited, written only by an authorised write.
 */
export class Financing1764800000000 implements MigrationInterface {
  name = 'Financing1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE public.national_action_plan
      ADD COLUMN costed_estimate numeric(18, 2) CHECK (costed_estimate >= 0),
      ADD COLUMN costed_estimate_currency char(3) CHECK (costed_estimate_currency ~ '^[A-Z]{3}$'),
      ADD COLUMN costed_estimate_source text,
      ADD CONSTRAINT national_action_plan_costed_estimate_currency CHECK ((costed_estimate IS NULL) = (costed_estimate_currency IS NULL))`);
    await runner.query(`ALTER TABLE public.budget_line
      ADD COLUMN costed_estimate numeric(18, 2) CHECK (costed_estimate >= 0),
      ADD COLUMN gender_marker text NOT NULL DEFAULT 'NOT_SCREENED' CHECK (gender_marker IN (${list(GENDER_MARKERS)}))`);
    await runner.query(`CREATE TABLE public.disbursement (
      id uuid PRIMARY KEY,
      budget_line_id uuid NOT NULL REFERENCES public.budget_line (id) ON DELETE CASCADE,
      disbursed_on date NOT NULL,
      amount numeric(18, 2) NOT NULL CHECK (amount >= 0),
      recipient_type text NOT NULL CHECK (recipient_type IN (${list(RECIPIENT_TYPES)})),
      recipient_name text CHECK (recipient_name IS NULL OR length(recipient_name) > 0),
      is_demo boolean NOT NULL DEFAULT false,
      recorded_by text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE INDEX disbursement_budget_line_idx ON public.disbursement (budget_line_id, disbursed_on)`);
    await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON public.disbursement TO ${MEMBER_APP_ROLE}`);
    // Public with its budget line: the subquery is itself under budget_line's policy, which hides drafts from the public.
    await secureMemberTable(
      runner,
      'disbursement',
      `EXISTS (SELECT 1 FROM public.budget_line line WHERE line.id = budget_line_id AND line.status = 'PUBLISHED') OR ${FOCAL_POINT_SESSION}`,
    );
    // The hardened audit function exists since DatabaseLastLine1764300000000: only the trigger is new.
    const [, trigger] = auditTriggerSql(['disbursement']);
    await runner.query(trigger!.replace(' ON disbursement ', ' ON public.disbursement '));
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE public.disbursement`);
    await runner.query(`ALTER TABLE public.budget_line DROP COLUMN gender_marker, DROP COLUMN costed_estimate`);
    await runner.query(`ALTER TABLE public.national_action_plan
      DROP CONSTRAINT national_action_plan_costed_estimate_currency,
      DROP COLUMN costed_estimate_source, DROP COLUMN costed_estimate_currency, DROP COLUMN costed_estimate`);
  }
}
