import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MEMBER_APP_ROLE } from './1764100000000-row-level-security.js';
import { FOCAL_POINT_SESSION } from './1764300000000-database-last-line.js';

/** What the service's role may read of each table: a recommendation with its report, a follow-up action with its recommendation's report. */
const VISIBLE = {
  report_recommendation: `EXISTS (SELECT 1 FROM public.progress_report report WHERE report.id = report_id AND report.status = 'PUBLISHED') OR ${FOCAL_POINT_SESSION}`,
  follow_up_action:
    `EXISTS (SELECT 1 FROM public.report_recommendation recommendation JOIN public.progress_report report ON report.id = recommendation.report_id ` +
    `WHERE recommendation.id = recommendation_id AND report.status = 'PUBLISHED') OR ${FOCAL_POINT_SESSION}`,
} as const;

/**
 * A draft report's recommendations, the decisions on them and their
 * follow-up actions are drafts too: the database now hides them from
 * everyone but the member's own focal points, as it hides the report
 * (DatabaseLastLine1764300000000 and FollowUpActions1764760000000 let the
 * service's role read every row of both tables, and only the service's own
 * joins through visible reports kept them from the public).
 */
export class RecommendationsFollowTheirReport1765400000000 implements MigrationInterface {
  name = 'RecommendationsFollowTheirReport1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const [table, visible] of Object.entries(VISIBLE)) await readPolicy(runner, table, visible);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of Object.keys(VISIBLE)) await readPolicy(runner, table, 'true');
  }
}

async function readPolicy(runner: QueryRunner, table: string, visible: string): Promise<void> {
  await runner.query(`DROP POLICY member_read ON public.${table}`);
  await runner.query(`CREATE POLICY member_read ON public.${table} FOR SELECT TO ${MEMBER_APP_ROLE} USING (${visible})`);
}
