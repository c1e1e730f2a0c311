import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data apart (issue 13.6): names, e-mail addresses and the sign-in
 * subject of each person the knowledge exchange knows live in `person` only,
 * keyed by an opaque `person_ref`; the directory and the forum carry the
 * reference. Erasure deletes the person row, so what stays elsewhere (forum
 * posts, audit rows) names nobody.
 *
 * Existing audit rows of forum writes carried the author's name and subject
 * in `after`: they are rewritten ONCE here to the pseudonymous form (the
 * author's `authorRef`), and any audit value equal to a person's name or
 * e-mail is replaced by `person:<ref>`. For that one rewrite the migration
 * (the table owner) disables the append-only trigger and enables it again in
 * the same transaction: ALTER TABLE holds an ACCESS EXCLUSIVE lock until
 * commit, so no other session ever sees the log unguarded, and a failure
 * rolls the trigger back on. The service login never had UPDATE on the log
 * and still has none. Retry results of forum writes (idempotency_key, kept
 * 24 h) held author names too: they are dropped.
 */
export class PersonalData1765000000000 implements MigrationInterface {
  name = 'PersonalData1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE person (
        person_ref uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text CHECK (name IS NULL OR length(name) BETWEEN 1 AND 200),
        email text CHECK (email IS NULL OR email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
        subject text UNIQUE CHECK (subject IS NULL OR length(subject) BETWEEN 1 AND 200),
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The directory: one person per entry.
    await runner.query(`ALTER TABLE focal_point ADD COLUMN person_ref uuid`);
    await runner.query(`UPDATE focal_point SET person_ref = gen_random_uuid()`);
    await runner.query(`INSERT INTO person (person_ref, name, email, subject, is_demo) SELECT person_ref, name, email, subject, is_demo FROM focal_point`);
    await runner.query(`
      ALTER TABLE focal_point
        ALTER COLUMN person_ref SET NOT NULL,
        ADD CONSTRAINT focal_point_person_fk FOREIGN KEY (person_ref) REFERENCES person (person_ref),
        ADD CONSTRAINT focal_point_person_once UNIQUE (person_ref),
        DROP COLUMN name, DROP COLUMN email, DROP COLUMN subject`);

    // The forum: authors without a directory entry become persons known by their subject alone.
    for (const table of ['forum_thread', 'forum_post']) {
      await runner.query(`INSERT INTO person (subject, is_demo) SELECT DISTINCT author_subject, bool_and(is_demo) FROM ${table} GROUP BY author_subject ON CONFLICT (subject) DO NOTHING`);
    }
    // Audit rows of forum writes: authorRef instead of authorName and authorSubject (before the forum loses its subjects).
    await runner.query(`ALTER TABLE public.audit_log DISABLE TRIGGER audit_log_append_only`);
    await runner.query(`
      UPDATE public.audit_log a
         SET after = (a.after - 'authorName' - 'authorSubject') || jsonb_build_object('authorRef', p.person_ref)
        FROM person p
       WHERE a.entity IN ('forum_thread', 'forum_post') AND a.after ? 'authorSubject' AND p.subject = a.after ->> 'authorSubject'`);
    // Any other audit value that is exactly a person's name or e-mail (a JSON string): `person:<ref>` instead.
    const people: { person_ref: string; name: string | null; email: string | null }[] = await runner.query(
      `SELECT person_ref, name, email FROM person WHERE name IS NOT NULL OR email IS NOT NULL ORDER BY person_ref`,
    );
    for (const person of people) {
      for (const value of [person.name, person.email]) {
        if (value === null) continue;
        await runner.query(
          `UPDATE public.audit_log SET
             before = replace(before::text, to_jsonb($1::text)::text, to_jsonb($2::text)::text)::jsonb,
             after = replace(after::text, to_jsonb($1::text)::text, to_jsonb($2::text)::text)::jsonb
           WHERE strpos(before::text, to_jsonb($1::text)::text) > 0 OR strpos(after::text, to_jsonb($1::text)::text) > 0`,
          [value, `person:${person.person_ref}`],
        );
      }
    }
    await runner.query(`ALTER TABLE public.audit_log ENABLE TRIGGER audit_log_append_only`);
    await runner.query(`DELETE FROM idempotency_key WHERE operation IN ('startForumThread', 'postToForum')`);

    for (const table of ['forum_thread', 'forum_post']) {
      await runner.query(`ALTER TABLE ${table} ADD COLUMN author_ref uuid REFERENCES person (person_ref)`);
      await runner.query(`UPDATE ${table} t SET author_ref = p.person_ref FROM person p WHERE p.subject = t.author_subject`);
      await runner.query(`ALTER TABLE ${table} DROP COLUMN author_subject, DROP COLUMN author_name`);
      await runner.query(`CREATE INDEX ${table}_author_idx ON ${table} (author_ref)`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['forum_thread', 'forum_post']) {
      await runner.query(`ALTER TABLE ${table} ADD COLUMN author_subject text, ADD COLUMN author_name text`);
      await runner.query(`
        UPDATE ${table} t SET author_subject = coalesce(p.subject, 'erased'), author_name = coalesce(p.name, p.subject, 'Erased participant')
          FROM (SELECT t2.id, p2.subject, p2.name FROM ${table} t2 LEFT JOIN person p2 ON p2.person_ref = t2.author_ref) p WHERE p.id = t.id`);
      await runner.query(`ALTER TABLE ${table} ALTER COLUMN author_subject SET NOT NULL, ALTER COLUMN author_name SET NOT NULL, DROP COLUMN author_ref`);
    }
    await runner.query(`ALTER TABLE focal_point ADD COLUMN name text, ADD COLUMN email text, ADD COLUMN subject text UNIQUE`);
    await runner.query(`UPDATE focal_point f SET name = p.name, email = p.email, subject = p.subject FROM person p WHERE p.person_ref = f.person_ref`);
    await runner.query(`ALTER TABLE focal_point ALTER COLUMN name SET NOT NULL, ALTER COLUMN email SET NOT NULL, DROP COLUMN person_ref`);
    await runner.query(`DROP TABLE person`);
  }
}
