import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A revision per member, from one registry-wide sequence: every change the
 * hub admin makes (register, re-point, take offline, bring back, the seed)
 * takes the next value; a recorded contract check does not. The gateway
 * re-checks a member exactly when its revision is one it has not checked.
 * One sequence, not a counter per row, so a member removed and registered
 * again never comes back with a revision the gateway has seen.
 */
export class MemberRevision1764200000000 implements MigrationInterface {
  name = 'MemberRevision1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE SEQUENCE member_revision_seq AS bigint`);
    await runner.query(`ALTER TABLE member ADD COLUMN revision bigint NOT NULL DEFAULT nextval('member_revision_seq')`);
    await runner.query(`ALTER SEQUENCE member_revision_seq OWNED BY member.revision`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE member DROP COLUMN revision`);
  }
}
