import { Role } from '@wps/kit';
import { NETWORK_MEMBER, startKnowledgeHarness, type KnowledgeHarness } from './knowledge-harness.js';

const DIRECTORY = `query ($countryCode: String) { focalPoints(countryCode: $countryCode) { id name email organisation organisationKind regionalOrganisation role isDemo country { code } } }`;
const THREADS = `{ forumThreads { id title authorName session { id access chathamHouse } posts { body authorName } } }`;
const START = `mutation ($input: StartForumThreadInput!) { startForumThread(input: $input) { id title authorName postCount session { id } posts { body authorName } } }`;
const POST = `mutation ($input: PostToForumInput!) { postToForum(input: $input) { id body authorName thread { id postCount } } }`;

interface Thread {
  id: string;
  title: string;
  authorName: string | null;
  session: { id: string; access: string | null; chathamHouse: boolean } | null;
  posts: { body: string; authorName: string | null }[];
}

describe('the focal point directory and the forum', () => {
  let hub: KnowledgeHarness;
  let member: string;

  beforeAll(async () => {
    hub = await startKnowledgeHarness('knowforum');
    member = await hub.token('demo-focal-point-ke', NETWORK_MEMBER);
  });
  afterAll(() => hub?.close());

  describe('the directory', () => {
    it('asks the public to sign in (UNAUTHENTICATED) and refuses a regional analyst (FORBIDDEN), showing no entry', async () => {
      const anonymous = await hub.ask(DIRECTORY);
      expect(anonymous.body.data).toBeNull();
      expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      const analyst = await hub.ask(DIRECTORY, {}, await hub.token('analyst-1', [Role.REGIONAL_ANALYST]));
      expect(analyst.body.data).toBeNull();
      expect(analyst.body.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(JSON.stringify([anonymous.body, analyst.body])).not.toMatch(/@example\.org/);
    });

    it('shows a network member the focal points of the demo states and of the regional organisations, demo names at example.org', async () => {
      const { body } = await hub.ask(DIRECTORY, {}, member);
      expect(body.errors).toBeUndefined();
      const entries = body.data!.focalPoints as { email: string; organisationKind: string; regionalOrganisation: string | null; isDemo: boolean; country: { code: string } | null }[];
      expect(entries.filter((entry) => entry.organisationKind === 'STATE').map((entry) => entry.country!.code).sort()).toEqual(
        ['DE', 'FI', 'GE', 'GH', 'IE', 'KE', 'NG', 'NO', 'RW', 'SE', 'SN', 'UG'],
      );
      expect(entries.filter((entry) => entry.organisationKind === 'REGIONAL_ORGANISATION').map((entry) => entry.regionalOrganisation).sort()).toEqual(['AU', 'EU', 'OSCE']);
      for (const entry of entries) {
        expect(entry.isDemo).toBe(true);
        expect(entry.email).toMatch(/^[a-z.-]+@example\.org$/);
      }
      const kenya = await hub.ask(DIRECTORY, { countryCode: 'ke' }, await hub.token('focal-point-ke', [Role.FOCAL_POINT]));
      expect(kenya.body.data!.focalPoints).toHaveLength(1);
      expect(kenya.body.data!.focalPoints[0].country).toEqual({ code: 'KE' });
    });
  });

  describe('the forum', () => {
    it('shows the public the general threads and those of open sessions, without author names', async () => {
      const { body } = await hub.ask(THREADS);
      expect(body.errors).toBeUndefined();
      const threads = body.data!.forumThreads as Thread[];
      expect(threads.map((thread) => thread.title).sort()).toEqual(['Questions before the costing webinar', 'Who has costed their plan with the finance ministry?']);
      for (const thread of threads) {
        expect(thread.session === null || (thread.session.access === 'OPEN' && !thread.session.chathamHouse)).toBe(true);
        expect(thread.authorName).toBeNull();
        for (const post of thread.posts) expect(post.authorName).toBeNull();
      }
    });

    it('shows network members every thread, with names except around Chatham House sessions; _entities keeps members-only threads from the public', async () => {
      const { body } = await hub.ask(THREADS, {}, member);
      const threads = body.data!.forumThreads as Thread[];
      expect(threads).toHaveLength(4);
      const chatham = threads.find((thread) => thread.session?.chathamHouse)!;
      expect(chatham.title).toBe('Preparing the working group on outcome monitoring');
      expect(chatham.posts.every((post) => post.authorName === null)).toBe(true);
      const invitationOnly = threads.find((thread) => thread.title === 'Moving from output to outcome indicators')!;
      expect(invitationOnly.session).toMatchObject({ access: 'INVITATION_ONLY', chathamHouse: false });
      expect(invitationOnly.posts.every((post) => typeof post.authorName === 'string' && post.authorName.length > 0)).toBe(true);

      const door = `query ($id: ID!) { _entities(representations: [{ __typename: "ForumThread", id: $id }]) { ... on ForumThread { id title } } }`;
      expect((await hub.ask(door, { id: invitationOnly.id })).body.data!._entities).toEqual([null]);
      expect((await hub.ask(door, { id: invitationOnly.id }, member)).body.data!._entities).toEqual([{ id: invitationOnly.id, title: invitationOnly.title }]);
      expect((await hub.ask(`query ($id: ID!) { forumThread(id: $id) { id } }`, { id: invitationOnly.id })).body.data!.forumThread).toBeNull();
    });

    it("lists a session's threads on the session with the same rules: a closed session's threads only for members", async () => {
      const query = `{
        open: learningSession(id: "demo-costing-financing-webinar") { forumThreads { title } }
        closed: learningSession(id: "demo-outcome-monitoring-working-group") { forumThreads { title } }
      }`;
      expect((await hub.ask(query)).body.data).toEqual({
        open: { forumThreads: [{ title: 'Questions before the costing webinar' }] },
        closed: { forumThreads: [] },
      });
      expect((await hub.ask(query, {}, member)).body.data!.closed).toEqual({ forumThreads: [{ title: 'Preparing the working group on outcome monitoring' }] });
    });

    it('lets a member start a thread and post to it, each write one audit row, posts signed with their directory name', async () => {
      const before = { threads: await hub.count('forum_thread'), posts: await hub.count('forum_post'), audit: await hub.count('audit_log') };
      const started = await hub.ask(START, { input: { sessionId: 'demo-costing-financing-webinar', title: 'Costing shared activities', body: 'How do you split them?' } }, member);
      expect(started.body.errors).toBeUndefined();
      const thread = started.body.data!.startForumThread;
      expect(thread).toMatchObject({ title: 'Costing shared activities', postCount: 1, session: { id: 'demo-costing-financing-webinar' } });
      const [{ name }] = await hub.dataSource.query(`SELECT name FROM person WHERE subject = 'demo-focal-point-ke'`);
      expect(thread.authorName).toBe(name);

      const posted = await hub.ask(POST, { input: { threadId: thread.id, body: '  By the share of the activity each ministry leads.  ' } }, await hub.token('member-2', NETWORK_MEMBER));
      expect(posted.body.errors).toBeUndefined();
      expect(posted.body.data!.postToForum).toMatchObject({ body: 'By the share of the activity each ministry leads.', authorName: 'member-2', thread: { id: thread.id, postCount: 2 } });
      expect({ threads: await hub.count('forum_thread'), posts: await hub.count('forum_post'), audit: await hub.count('audit_log') }).toEqual({
        threads: before.threads + 1,
        posts: before.posts + 2,
        audit: before.audit + 2,
      });
      const actions = await hub.dataSource.query(`SELECT action, entity FROM audit_log ORDER BY id DESC LIMIT 2`);
      expect(actions).toEqual([
        { action: 'postToForum', entity: 'forum_post' },
        { action: 'startForumThread', entity: 'forum_thread' },
      ]);
    });

    it('refuses invalid posts with a clear error and writes nothing', async () => {
      const [{ id: threadId }] = await hub.dataSource.query(`SELECT id FROM forum_thread ORDER BY created_at LIMIT 1`);
      const before = { posts: await hub.count('forum_post'), threads: await hub.count('forum_thread'), audit: await hub.count('audit_log') };
      const cases: [Record<string, unknown>, string | undefined, string, string | undefined][] = [
        [{ threadId, body: '   ' }, member, 'BAD_USER_INPUT', 'input.body'],
        [{ threadId, body: 'x'.repeat(5001) }, member, 'BAD_USER_INPUT', 'input.body'],
        [{ threadId: 'not-a-thread', body: 'Hello' }, member, 'BAD_USER_INPUT', 'input.threadId'],
        [{ threadId: '00000000-0000-4000-8000-000000000000', body: 'Hello' }, member, 'NOT_FOUND', undefined],
        [{ threadId, body: 'Hello' }, undefined, 'UNAUTHENTICATED', undefined],
        [{ threadId, body: 'Hello' }, await hub.token('analyst-1', [Role.REGIONAL_ANALYST]), 'FORBIDDEN', undefined],
      ];
      for (const [input, as, code, field] of cases) {
        const { body } = await hub.ask(POST, { input }, as);
        expect(body.errors).toHaveLength(1);
        expect(body.errors![0].extensions.code).toBe(code);
        if (field) expect(body.errors![0].extensions.field).toBe(field);
      }
      const shortTitle = await hub.ask(START, { input: { title: 'Hi', body: 'Hello' } }, member);
      expect(shortTitle.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
      expect({ posts: await hub.count('forum_post'), threads: await hub.count('forum_thread'), audit: await hub.count('audit_log') }).toEqual(before);
    });
  });
});
