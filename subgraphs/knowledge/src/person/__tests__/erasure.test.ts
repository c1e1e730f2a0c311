import { randomUUID } from 'node:crypto';
import { databaseConfigFrom, databaseEnv, HUB_SERVICE_ROLE, openDatabase, Role } from '@wps/kit';
import { closeTestSubgraph, openRoleDataSource, openTestSubgraphDatabase, silentLogger } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { NETWORK_ADMIN, NETWORK_MEMBER, startKnowledgeHarness, type KnowledgeHarness } from '../../__tests__/knowledge-harness.js';
import { knowledgeEntities } from '../../entities.js';
import { PersonalData1765000000000 } from '../../migrations/1765000000000-personal-data.js';
import { knowledgeMigrations } from '../../migrations/index.js';

const DIRECTORY = `{ focalPoints { id personRef name email } }`;
const START = `mutation ($input: StartForumThreadInput!) { startForumThread(input: $input) { id authorName posts { body authorName } } }`;
const POST = `mutation ($input: PostToForumInput!, $key: String) { postToForum(input: $input, idempotencyKey: $key) { id body authorName } }`;
const REGISTER = `mutation ($sessionId: ID!) { registerForSession(sessionId: $sessionId) { id status } }`;
const THREAD = `query ($id: ID!) { forumThread(id: $id) { id authorName posts { body authorName } } }`;
const SEATS = `query ($id: ID!) { learningSession(id: $id) { registeredCount } }`;
const ERASE_FOCAL_POINT = `mutation ($id: ID!) { eraseFocalPoint(id: $id) { personRef erasedAt rowsAffected } }`;
const ERASE_PERSON = `mutation ($personRef: ID!) { erasePerson(personRef: $personRef) { personRef erasedAt rowsAffected } }`;
const ERASE_ME = `mutation { eraseMyPersonalData { personRef rowsAffected } }`;
const OPEN_SESSION = 'demo-costing-financing-webinar';

/**
 * Every text, varchar, char, text[], json, jsonb and tsvector column of every
 * table of the public schema (from information_schema), with the rows that
 * contain any of `needles` (case-insensitive), as "table.column".
 */
async function columnsContaining(dataSource: DataSource, needles: string[]): Promise<string[]> {
  const columns: { table_name: string; column_name: string }[] = await dataSource.query(
    `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public'
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'tsvector')
             OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar', '_jsonb')))
      ORDER BY c.table_name, c.column_name`,
  );
  expect(columns.length).toBeGreaterThan(50);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    for (const needle of needles) {
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM public."${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0`, [needle]);
      if (n > 0) hits.push(`${table}.${column}`);
    }
  }
  return [...new Set(hits)];
}

describe('erasure of personal data', () => {
  let hub: KnowledgeHarness;
  let admin: string;

  beforeAll(async () => {
    hub = await startKnowledgeHarness('knowerase');
    admin = await hub.token('admin-erasure', NETWORK_ADMIN);
  });
  afterAll(() => hub?.close());

  /** A directory entry (the directory has no write API: entries arrive as the seed's do) for a person nobody else is called. */
  async function directoryEntry() {
    const tag = randomUUID().slice(0, 8);
    const person = { name: `Zephyrine Quillfeather ${tag}`, email: `z.quillfeather.${tag}@erasure.example.org`, subject: `erasure-subject-${tag}`, focalPointId: `erasure-${tag}` };
    const [{ person_ref: personRef }] = await hub.dataSource.query(`INSERT INTO person (name, email, subject) VALUES ($1, $2, $3) RETURNING person_ref`, [
      person.name,
      person.email,
      person.subject,
    ]);
    await hub.dataSource.query(
      `INSERT INTO focal_point (id, person_ref, organisation, organisation_kind, country_code, role) VALUES ($1, $2, 'Ministry of Gender, Kenya', 'STATE', 'KE', 'NAP coordinator')`,
      [person.focalPointId, personRef],
    );
    return { ...person, personRef: personRef as string, token: await hub.token(person.subject, [Role.FOCAL_POINT]) };
  }

  it("lets a person erase themselves: afterwards no column of any table holds their name or e-mail, their posts stay by 'Erased participant', their seat stays counted", async () => {
    const person = await directoryEntry();
    const started = await hub.ask(START, { input: { title: 'Erasure: who keeps what', body: 'A post whose text stays.' } }, person.token);
    expect(started.body.errors).toBeUndefined();
    const thread = started.body.data!.startForumThread;
    // Behaviour to users unchanged until erased: the post is signed with the directory name, the directory shows name and e-mail.
    expect(thread.authorName).toBe(person.name);
    const posted = await hub.ask(POST, { input: { threadId: thread.id, body: 'A second post.' }, key: `retry-${person.subject}` }, person.token);
    expect(posted.body.data!.postToForum.authorName).toBe(person.name);
    expect((await hub.ask(REGISTER, { sessionId: OPEN_SESSION }, person.token)).body.data!.registerForSession.status).toBe('CONFIRMED');
    const directory = (await hub.ask(DIRECTORY, {}, person.token)).body.data!.focalPoints as { id: string; personRef: string; name: string; email: string }[];
    expect(directory.find((entry) => entry.id === person.focalPointId)).toEqual({ id: person.focalPointId, personRef: person.personRef, name: person.name, email: person.email });
    expect(await columnsContaining(hub.dataSource, [person.name, person.email])).toEqual(['person.email', 'person.name']);
    const seats = (await hub.ask(SEATS, { id: OPEN_SESSION })).body.data!.learningSession.registeredCount as number;
    const audit = await hub.count('audit_log');

    const { body } = await hub.ask(ERASE_FOCAL_POINT, { id: person.focalPointId }, person.token);
    expect(body.errors).toBeUndefined();
    // The person, the entry, a thread and two posts unlinked, a registration unlinked, a retry result.
    expect(body.data!.eraseFocalPoint).toEqual({ personRef: person.personRef, erasedAt: expect.any(String), rowsAffected: 7 });

    expect(await columnsContaining(hub.dataSource, [person.name, person.email])).toEqual([]);
    // Their sign-in subject stays only in the audit log (its actor, and the subject of the registration's audit row):
    // a pseudonymous id the hub can no longer tie to a name.
    expect(await columnsContaining(hub.dataSource, [person.subject])).toEqual(['audit_log.actor', 'audit_log.after']);
    expect(await hub.dataSource.query(`SELECT DISTINCT entity FROM audit_log WHERE strpos(after::text, $1) > 0`, [person.subject])).toEqual([{ entity: 'session_registration' }]);
    const member = await hub.token('member-reader', NETWORK_MEMBER);
    expect((await hub.ask(THREAD, { id: thread.id }, member)).body.data!.forumThread).toEqual({
      id: thread.id,
      authorName: 'Erased participant',
      posts: [
        { body: 'A post whose text stays.', authorName: 'Erased participant' },
        { body: 'A second post.', authorName: 'Erased participant' },
      ],
    });
    expect((await hub.ask(SEATS, { id: OPEN_SESSION })).body.data!.learningSession.registeredCount).toBe(seats);
    expect(((await hub.ask(DIRECTORY, {}, member)).body.data!.focalPoints as { id: string }[]).map((entry) => entry.id)).not.toContain(person.focalPointId);

    // One audit row, naming the reference only; the earlier rows of the person's writes are still there.
    expect(await hub.count('audit_log')).toBe(audit + 1);
    const [row] = await hub.dataSource.query(`SELECT actor, action, entity, entity_id, before, after FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ actor: person.subject, action: 'erasePerson', entity: 'person', entity_id: person.personRef, before: null, after: { personRef: person.personRef, rowsAffected: 7 } });
    const written = await hub.dataSource.query(`SELECT action FROM audit_log WHERE actor = $1 ORDER BY id`, [person.subject]);
    expect(written.map((entry: { action: string }) => entry.action)).toEqual(['startForumThread', 'postToForum', 'registerForSession', 'erasePerson']);

    // Erasing again: NOT_FOUND, by either door, and nothing written.
    for (const [query, variables] of [
      [ERASE_FOCAL_POINT, { id: person.focalPointId }],
      [ERASE_PERSON, { personRef: person.personRef }],
    ] as const) {
      const again = await hub.ask(query, variables, admin);
      expect(again.body.errors![0].extensions.code).toBe('NOT_FOUND');
    }
    expect(await hub.count('audit_log')).toBe(audit + 1);
  });

  it('lets a forum author without a directory entry erase their own data by signing in, with no reference to give; the public is refused, and a second time finds nothing', async () => {
    const subject = `erasure-forum-only-${randomUUID().slice(0, 8)}`;
    const token = await hub.token(subject, NETWORK_MEMBER);
    const started = await hub.ask(START, { input: { title: 'A thread by someone with no directory entry', body: 'Text that stays.' } }, token);
    expect(started.body.errors).toBeUndefined();
    const [{ person_ref: personRef }] = await hub.dataSource.query(`SELECT person_ref FROM person WHERE subject = $1`, [subject]);

    expect((await hub.ask(ERASE_ME, {})).body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const erased = await hub.ask(ERASE_ME, {}, token);
    expect(erased.body.errors).toBeUndefined();
    // The person and the thread with its first post unlinked.
    expect(erased.body.data!.eraseMyPersonalData).toEqual({ personRef, rowsAffected: 3 });
    expect(await hub.dataSource.query(`SELECT 1 FROM person WHERE subject = $1 OR person_ref = $2`, [subject, personRef])).toEqual([]);
    const member = await hub.token('member-reader', NETWORK_MEMBER);
    expect((await hub.ask(THREAD, { id: started.body.data!.startForumThread.id }, member)).body.data!.forumThread.authorName).toBe('Erased participant');

    const audit = await hub.count('audit_log');
    expect((await hub.ask(ERASE_ME, {}, token)).body.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await hub.count('audit_log')).toBe(audit);
  });

  it('keeps the audit log append-only after the migration: the service login cannot UPDATE or DELETE it, nor can the owner', async () => {
    const login: DataSource = await openRoleDataSource(hub.database.url, knowledgeEntities, HUB_SERVICE_ROLE);
    try {
      await expect(login.query(`UPDATE audit_log SET after = NULL`)).rejects.toThrow(/permission denied|append-only/);
      await expect(login.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied|append-only/);
    } finally {
      await login.destroy();
    }
    // The trigger the migration lifted for its one rewrite is back on.
    await expect(hub.dataSource.query(`UPDATE audit_log SET after = NULL`)).rejects.toThrow(/append-only/);
    await expect(hub.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it("refuses to erase another member's focal point (FORBIDDEN) and the public (UNAUTHENTICATED), changing nothing; a network admin may", async () => {
    const person = await directoryEntry();
    const other = await directoryEntry();
    const rows = async () => ({ person: await hub.count('person'), focalPoint: await hub.count('focal_point'), audit: await hub.count('audit_log') });
    const before = await rows();
    const forbidden = await hub.ask(ERASE_FOCAL_POINT, { id: person.focalPointId }, other.token);
    expect(forbidden.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const byRef = await hub.ask(ERASE_PERSON, { personRef: person.personRef }, await hub.token('member-3', NETWORK_MEMBER));
    expect(byRef.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await hub.ask(ERASE_FOCAL_POINT, { id: person.focalPointId });
    expect(anonymous.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await rows()).toEqual(before);

    const erased = await hub.ask(ERASE_PERSON, { personRef: person.personRef }, admin);
    expect(erased.body.data!.erasePerson).toMatchObject({ personRef: person.personRef, rowsAffected: 2 });
    expect(await rows()).toEqual({ person: before.person - 1, focalPoint: before.focalPoint - 1, audit: before.audit + 1 });
  });

  it('answers a malformed id with BAD_USER_INPUT and an unknown one with NOT_FOUND, writing nothing', async () => {
    const audit = await hub.count('audit_log');
    for (const [query, variables, code, field] of [
      [ERASE_FOCAL_POINT, { id: 'Not an id!' }, 'BAD_USER_INPUT', 'id'],
      [ERASE_FOCAL_POINT, { id: '   ' }, 'BAD_USER_INPUT', 'id'],
      [ERASE_FOCAL_POINT, { id: 'no-such-entry' }, 'NOT_FOUND', 'id'],
      [ERASE_PERSON, { personRef: 'not-a-uuid' }, 'BAD_USER_INPUT', 'personRef'],
      [ERASE_PERSON, { personRef: randomUUID() }, 'NOT_FOUND', 'personRef'],
    ] as const) {
      const { body } = await hub.ask(query, variables, admin);
      expect(body.errors![0].extensions).toMatchObject({ code, field });
    }
    expect(await hub.count('audit_log')).toBe(audit);
  });

  it('writes nothing when the erasure fails midway (a trigger refuses one of its statements), and says nothing of SQL', async () => {
    const person = await directoryEntry();
    expect((await hub.ask(START, { input: { title: 'A thread before a failed erasure', body: 'Text.' } }, person.token)).body.errors).toBeUndefined();
    await hub.dataSource.query(`CREATE FUNCTION erasure_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await hub.dataSource.query(`CREATE TRIGGER erasure_test_refuse BEFORE UPDATE ON forum_post FOR EACH ROW EXECUTE FUNCTION erasure_test_refuse()`);
    const audit = await hub.count('audit_log');
    try {
      const { body } = await hub.ask(ERASE_FOCAL_POINT, { id: person.focalPointId }, person.token);
      expect(body.errors![0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(body)).not.toMatch(/refused by the test|forum_post|UPDATE|SELECT/);
    } finally {
      await hub.dataSource.query(`DROP TRIGGER erasure_test_refuse ON forum_post`);
      await hub.dataSource.query(`DROP FUNCTION erasure_test_refuse()`);
    }
    expect(await hub.dataSource.query(`SELECT name, email FROM person WHERE person_ref = $1`, [person.personRef])).toEqual([{ name: person.name, email: person.email }]);
    expect(await hub.dataSource.query(`SELECT count(*)::int AS n FROM focal_point WHERE id = $1`, [person.focalPointId])).toEqual([{ n: 1 }]);
    expect(await hub.dataSource.query(`SELECT count(*)::int AS n FROM forum_thread WHERE author_ref = $1`, [person.personRef])).toEqual([{ n: 1 }]);
    expect(await hub.count('audit_log')).toBe(audit);
  });
});

describe('the personal-data migration', () => {
  it('moves names and e-mails into person and rewrites, once, the audit rows that named them to the pseudonymous form', async () => {
    // Every migration before the personal-data one: the database as it was.
    const before = knowledgeMigrations.slice(0, knowledgeMigrations.indexOf(PersonalData1765000000000));
    expect(before.length).toBeGreaterThan(0);
    const { database, dataSource } = await openTestSubgraphDatabase('knowerasemig', [], before);
    let migrated: DataSource | undefined;
    try {
      const name = 'Octavia Brightwater-Lune';
      const email = 'octavia.brightwater@erasure.example.org';
      await dataSource.query(`INSERT INTO focal_point (id, name, email, organisation, organisation_kind, country_code, role, subject) VALUES ('old-entry', $1, $2, 'Ministry', 'STATE', 'KE', 'NAP coordinator', 'old-subject')`, [name, email]);
      const [{ id: threadId }] = await dataSource.query(`INSERT INTO forum_thread (title, author_subject, author_name) VALUES ('An old thread', 'old-subject', $1) RETURNING id`, [name]);
      await dataSource.query(`INSERT INTO forum_post (thread_id, body, author_subject, author_name) VALUES ($1, 'Old text.', 'old-subject', $2)`, [threadId, name]);
      await dataSource.query(`INSERT INTO forum_post (thread_id, body, author_subject, author_name) VALUES ($1, 'Anonymous text.', 'no-entry', 'no-entry')`, [threadId]);
      await dataSource.query(
        `INSERT INTO audit_log (actor, action, entity, entity_id, after) VALUES
           ('old-subject', 'startForumThread', 'forum_thread', $1, $2),
           ('admin', 'someFocalPointWrite', 'focal_point', 'old-entry', $3)`,
        [threadId, { id: threadId, title: 'An old thread', authorSubject: 'old-subject', authorName: name, body: 'Old text.' }, { contact: { name, email }, role: 'NAP coordinator' }],
      );
      await dataSource.query(`INSERT INTO idempotency_key (actor, key, operation, operation_hash, result, expires_at) VALUES ('old-subject', 'k', 'postToForum', 'h', $1, now() + interval '1 day')`, [{ authorName: name }]);
      await dataSource.destroy();

      migrated = await openDatabase(
        { config: databaseConfigFrom(databaseEnv.read({ DATABASE_URL: database.url })), entities: knowledgeEntities, migrations: knowledgeMigrations, applicationName: 'knowerasemig-test' },
        silentLogger,
      );
      expect(await columnsContaining(migrated, [name, email])).toEqual(['person.email', 'person.name']);
      const people = await migrated.query(`SELECT person_ref, name, email, subject FROM person ORDER BY subject`);
      expect(people).toEqual([
        { person_ref: expect.any(String), name: null, email: null, subject: 'no-entry' },
        { person_ref: expect.any(String), name, email, subject: 'old-subject' },
      ]);
      const ref = people[1].person_ref as string;
      expect(await migrated.query(`SELECT id, person_ref FROM focal_point`)).toEqual([{ id: 'old-entry', person_ref: ref }]);
      expect(await migrated.query(`SELECT body, author_ref FROM forum_post ORDER BY body`)).toEqual([
        { body: 'Anonymous text.', author_ref: people[0].person_ref },
        { body: 'Old text.', author_ref: ref },
      ]);
      const audit = await migrated.query(`SELECT action, after FROM audit_log ORDER BY id`);
      expect(audit).toEqual([
        { action: 'startForumThread', after: { id: threadId, title: 'An old thread', body: 'Old text.', authorRef: ref } },
        { action: 'someFocalPointWrite', after: { contact: { name: `person:${ref}`, email: `person:${ref}` }, role: 'NAP coordinator' } },
      ]);
      expect(await migrated.query(`SELECT count(*)::int AS n FROM idempotency_key`)).toEqual([{ n: 0 }]);
      await expect(migrated.query(`UPDATE audit_log SET after = NULL`)).rejects.toThrow(/append-only/);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await closeTestSubgraph({ dataSource: migrated, database });
    }
  });
});
