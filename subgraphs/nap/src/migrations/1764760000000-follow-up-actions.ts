import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MEMBER_APP_ROLE } from './1764100000000-row-level-security.js';
import { secureMemberTable } from './1764300000000-database-last-line.js';

/**
 * Follow-up actions of the decisions on recommendations: a responsible
 * implementing partner, a due date, a status. Under row-level security like
 * every member table (visible as the recommendations are; the service shows
 * them through reports the caller may see), audited.
 */
export class FollowUpActions1764760000000 implements MigrationInterface {
  name = 'FollowUpActions1764760000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE public.follow_up_action (
        id uuid PRIMARY KEY,
        recommendation_id uuid NOT NULL REFERENCES public.report_recommendation (id) ON DELETE CASCADE,
        description text NOT NULL CHECK (length(description) BETWEEN 5 AND 1000),
        responsible_partner_id uuid NOT NULL REFERENCES public.implementing_partner (id),
        due_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
        completed_on date,
        is_demo boolean NOT NULL DEFAULT false,
        CHECK ((status = 'DONE') = (completed_on IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX follow_up_action_recommendation_idx ON public.follow_up_action (recommendation_id)`);
    await runner.query(`GRANT SELECT, INSERT, UPDATE ON public.follow_up_action TO ${MEMBER_APP_ROLE}`);
    await secureMemberTable(runner, 'follow_up_action', 'true');
    await runner.query(`CREATE TRIGGER follow_up_action_audit AFTER INSERT OR UPDATE OR DELETE ON public.follow_up_action FOR EACH ROW EXECUTE FUNCTION public.audit_row_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE public.follow_up_action`);
  }
}
