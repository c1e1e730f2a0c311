import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public record of every NAP (data/naps.json) and the AU status changes
 * (data/memberships.json): reference data, replaced from the data files at
 * every start, never member data.
 */
export class PublicRecord1764500000000 implements MigrationInterface {
  name = 'PublicRecord1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE public_nap_iteration (
        country_code char(2) NOT NULL,
        iteration integer NOT NULL CHECK (iteration >= 1),
        period_start integer,
        period_end integer,
        adopted_on text CHECK (adopted_on ~ '^\\d{4}(-\\d{2}(-\\d{2})?)?$'),
        note text,
        source_conflict text,
        verified boolean NOT NULL,
        sources text[] NOT NULL,
        PRIMARY KEY (country_code, iteration),
        CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
      )`);
    await runner.query(`CREATE TABLE public_record_state (country_code char(2) PRIMARY KEY, au_status_note text)`);
    await runner.query(`
      CREATE TABLE au_status_change (
        country_code char(2) NOT NULL,
        date text NOT NULL CHECK (date ~ '^\\d{4}(-\\d{2}(-\\d{2})?)?$'),
        change text NOT NULL CHECK (change IN ('SUSPENDED', 'REINSTATED')),
        detail text,
        source_conflict text,
        sources text[] NOT NULL,
        PRIMARY KEY (country_code, date, change)
      )`);
    await runner.query(`CREATE TABLE public_record_source (id integer PRIMARY KEY CHECK (id = 1), description text NOT NULL, gathered text NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE public_record_source');
    await runner.query('DROP TABLE au_status_change');
    await runner.query('DROP TABLE public_record_state');
    await runner.query('DROP TABLE public_nap_iteration');
  }
}
