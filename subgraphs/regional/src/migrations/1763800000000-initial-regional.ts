import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Countries, frameworks, memberships and the member registry. */
export class InitialRegional1763800000000 implements MigrationInterface {
  name = 'InitialRegional1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE country (
        code char(2) PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$')
      )`);
    await runner.query(`
      CREATE TABLE framework (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]+$'),
        organisation_code text NOT NULL,
        organisation text NOT NULL,
        name text NOT NULL,
        short_name text NOT NULL,
        period_start integer,
        period_end integer,
        period_extended_to integer,
        reporting_cycle text,
        areas text[] NOT NULL DEFAULT '{}',
        sources text[] NOT NULL DEFAULT '{}'
      )`);
    await runner.query(`
      CREATE TABLE membership (
        framework_code text NOT NULL REFERENCES framework (code),
        country_code char(2) NOT NULL REFERENCES country (code),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
        since date,
        source text NOT NULL,
        PRIMARY KEY (framework_code, country_code)
      )`);
    await runner.query(`CREATE INDEX membership_country_idx ON membership (country_code)`);
    await runner.query(`
      CREATE TABLE member (
        country_code char(2) PRIMARY KEY REFERENCES country (code),
        endpoint text NOT NULL CHECK (endpoint ~ '^https?://'),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'QUARANTINED', 'OFFLINE')),
        contract_version text,
        last_checked_at timestamptz,
        reason text,
        registered_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE member`);
    await runner.query(`DROP TABLE membership`);
    await runner.query(`DROP TABLE framework`);
    await runner.query(`DROP TABLE country`);
  }
}
