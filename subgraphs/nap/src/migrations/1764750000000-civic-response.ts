import type { MigrationInterface, QueryRunner } from 'typeorm';
import { secureMemberTable } from './1764300000000-database-last-line.js';
import { MEMBER_APP_ROLE } from './1764100000000-row-level-security.js';

/**
 * The state's answers to civic statements (the statements are the hub's, in
 * the knowledge subgraph). Answers are public; written only as an authorised
 * focal point's write, audited like every member table, and append-only:
 * an answer is never changed or deleted, a later one adds to it.
 */
export class CivicResponse1764750000000 implements MigrationInterface {
  name = 'CivicResponse1764750000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE public.civic_response (
        id uuid PRIMARY KEY,
        statement_id uuid NOT NULL,
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        responded_by text NOT NULL,
        responded_by_display text NOT NULL CHECK (length(responded_by_display) > 0),
        responded_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX civic_response_statement_idx ON public.civic_response (statement_id)`);
    await runner.query(`GRANT SELECT, INSERT ON public.civic_response TO ${MEMBER_APP_ROLE}`);
    await secureMemberTable(runner, 'civic_response', 'true');
    await runner.query(`CREATE TRIGGER civic_response_audit AFTER INSERT OR UPDATE OR DELETE ON public.civic_response FOR EACH ROW EXECUTE FUNCTION public.audit_row_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE public.civic_response`);
  }
}
