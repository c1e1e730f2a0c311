import { Role } from '@wps/kit';
import { NETWORK_ADMIN, NETWORK_MEMBER, startKnowledgeHarness, type KnowledgeHarness } from './knowledge-harness.js';

const REGISTER = `mutation ($sessionId: ID!) { registerForSession(sessionId: $sessionId) { id status subject session { id seatsLeft registeredCount } } }`;
const SCHEDULE = `mutation ($input: ScheduleLearningSessionInput!) { scheduleLearningSession(input: $input) { id capacity access timeZone startsAt timing } }`;
const INVITE = `mutation ($sessionId: ID!, $subject: String!) { inviteToSession(sessionId: $sessionId, subject: $subject) { subject session { id } } }`;

const OPEN_SESSION = 'demo-costing-financing-webinar';
const INVITATION_ONLY_SESSION = 'demo-outcome-monitoring-working-group';
const ON_REQUEST_SESSION = 'demo-localisation-dialogue';
const PAST_SESSION = 'fpn-technical-learning-2022-11-08';

/** "YYYY-MM-DDTHH:mm" some days from now (local wall-clock in whatever zone the session names). */
const localInDays = (days: number, time: string) => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;

describe('registering for learning sessions', () => {
  let hub: KnowledgeHarness;
  let admin: string;

  beforeAll(async () => {
    hub = await startKnowledgeHarness('knowregister');
    admin = await hub.token('network-admin-1', NETWORK_ADMIN);
  });
  afterAll(() => hub?.close());

  const member = (name: string) => hub.token(name, NETWORK_MEMBER);
  const rows = async () => ({ registrations: await hub.count('session_registration'), audit: await hub.count('audit_log') });

  /** A new OPEN session with `capacity` seats, a month from now. */
  async function scheduleSession(title: string, capacity: number): Promise<string> {
    const { body } = await hub.ask(
      SCHEDULE,
      {
        input: { title, kind: 'WEBINAR', localStart: localInDays(30, '14:00'), localEnd: localInDays(30, '15:30'), timeZone: 'Africa/Nairobi', access: 'OPEN', capacity },
      },
      admin,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.scheduleLearningSession).toMatchObject({ capacity, access: 'OPEN', timeZone: 'Africa/Nairobi', timing: 'UPCOMING' });
    expect(body.data!.scheduleLearningSession.startsAt).toMatch(/T14:00:00\+03:00$/);
    return body.data!.scheduleLearningSession.id as string;
  }

  /** The request fails with `code` (and `reason`), and no registration or audit row is written. */
  async function expectRefused(sessionId: string, token: string, code: string, reason?: string) {
    const before = await rows();
    const { body } = await hub.ask(REGISTER, { sessionId }, token);
    expect(body.data?.registerForSession ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions.code).toBe(code);
    if (reason) expect(body.errors![0].extensions.reason).toBe(reason);
    expect(await rows()).toEqual(before);
    return body.errors![0].message as string;
  }

  it('confirms a member at an open session, takes a seat, and records one audit row', async () => {
    const before = await rows();
    const { body } = await hub.ask(REGISTER, { sessionId: OPEN_SESSION }, await member('member-good'));
    expect(body.errors).toBeUndefined();
    expect(body.data!.registerForSession).toMatchObject({ status: 'CONFIRMED', subject: 'member-good', session: { id: OPEN_SESSION, seatsLeft: 99, registeredCount: 1 } });
    expect(await rows()).toEqual({ registrations: before.registrations + 1, audit: before.audit + 1 });
    const [audit] = await hub.dataSource.query(`SELECT actor, action, entity, entity_id, after FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ actor: 'member-good', action: 'registerForSession', entity: 'session_registration', entity_id: body.data!.registerForSession.id });
    expect(audit.after).toMatchObject({ status: 'CONFIRMED', sessionId: OPEN_SESSION });
  });

  it('refuses a session that is full: BAD_USER_INPUT (SESSION_FULL), nothing written', async () => {
    const sessionId = await scheduleSession('Registration test: one seat only', 1);
    const first = await hub.ask(REGISTER, { sessionId }, await member('member-first'));
    expect(first.body.data!.registerForSession.status).toBe('CONFIRMED');
    const message = await expectRefused(sessionId, await member('member-late'), 'BAD_USER_INPUT', 'SESSION_FULL');
    expect(message).toMatch(/full \(1 seats?\)/);
  });

  it('refuses a second registration of the same member: BAD_USER_INPUT (ALREADY_REGISTERED), nothing written', async () => {
    const token = await member('member-twice');
    const first = await hub.ask(REGISTER, { sessionId: OPEN_SESSION }, token);
    expect(first.body.errors).toBeUndefined();
    const message = await expectRefused(OPEN_SESSION, token, 'BAD_USER_INPUT', 'ALREADY_REGISTERED');
    expect(message).toMatch(/already registered/);
  });

  it('refuses an invitation-only session without an invitation: FORBIDDEN (INVITATION_REQUIRED), nothing written; after an invitation it confirms', async () => {
    const token = await member('member-uninvited');
    const message = await expectRefused(INVITATION_ONLY_SESSION, token, 'FORBIDDEN', 'INVITATION_REQUIRED');
    expect(message).toMatch(/invitation only/);

    const invited = await hub.ask(INVITE, { sessionId: INVITATION_ONLY_SESSION, subject: 'member-uninvited' }, admin);
    expect(invited.body.errors).toBeUndefined();
    const { body } = await hub.ask(REGISTER, { sessionId: INVITATION_ONLY_SESSION }, token);
    expect(body.errors).toBeUndefined();
    expect(body.data!.registerForSession.status).toBe('CONFIRMED');
  });

  it('holds at most `capacity` seats under concurrent registrations: ten members at once for one seat, exactly one gets it', async () => {
    const sessionId = await scheduleSession('Registration test: a race for one seat', 1);
    const tokens = await Promise.all(Array.from({ length: 10 }, (_, index) => member(`racer-${index}`)));
    const results = await Promise.all(tokens.map((token) => hub.ask(REGISTER, { sessionId }, token)));
    const won = results.filter((result) => result.body.data?.registerForSession);
    const lost = results.filter((result) => result.body.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const result of lost) expect(result.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SESSION_FULL' });
    const [{ count }] = await hub.dataSource.query(`SELECT count(*)::int AS count FROM session_registration WHERE session_id = $1`, [sessionId]);
    expect(count).toBe(1);
  });

  it('keeps one seat for one member who double-clicks: two requests at once give one registration', async () => {
    const sessionId = await scheduleSession('Registration test: double click', 10);
    const token = await member('member-double-click');
    const results = await Promise.all([hub.ask(REGISTER, { sessionId }, token), hub.ask(REGISTER, { sessionId }, token)]);
    expect(results.filter((result) => result.body.data?.registerForSession)).toHaveLength(1);
    expect(results.find((result) => result.body.errors)!.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ALREADY_REGISTERED' });
    const [{ count }] = await hub.dataSource.query(`SELECT count(*)::int AS count FROM session_registration WHERE session_id = $1`, [sessionId]);
    expect(count).toBe(1);
  });

  it('makes an on-request registration PENDING until a network admin confirms it', async () => {
    const token = await member('member-asks');
    const { body } = await hub.ask(REGISTER, { sessionId: ON_REQUEST_SESSION }, token);
    expect(body.data!.registerForSession.status).toBe('PENDING');
    const review = await hub.ask(
      `mutation ($id: ID!) { reviewSessionRegistration(id: $id, decision: CONFIRM) { status decidedAt } }`,
      { id: body.data!.registerForSession.id },
      admin,
    );
    expect(review.body.errors).toBeUndefined();
    expect(review.body.data!.reviewSessionRegistration.status).toBe('CONFIRMED');
    const mine = await hub.ask(`{ myRegistrations { status session { id } } }`, {}, token);
    expect(mine.body.data!.myRegistrations).toEqual([{ status: 'CONFIRMED', session: { id: ON_REQUEST_SESSION } }]);
  });

  it('refuses a session that has taken place (SESSION_PAST), the public (UNAUTHENTICATED) and a regional analyst (FORBIDDEN), writing nothing', async () => {
    await expectRefused(PAST_SESSION, await member('member-late-again'), 'BAD_USER_INPUT', 'SESSION_PAST');
    const before = await rows();
    const anonymous = await hub.ask(REGISTER, { sessionId: OPEN_SESSION });
    expect(anonymous.body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const analyst = await hub.ask(REGISTER, { sessionId: OPEN_SESSION }, await hub.token('analyst-1', [Role.REGIONAL_ANALYST]));
    expect(analyst.body.errors![0].extensions.code).toBe('FORBIDDEN');
    const unknown = await hub.ask(REGISTER, { sessionId: 'no-such-session' }, await member('member-lost'));
    expect(unknown.body.errors![0].extensions.code).toBe('NOT_FOUND');
    expect(await rows()).toEqual(before);
  });

  it('lets a member cancel and register again, one row throughout; only admins see who registered', async () => {
    const token = await member('member-changes-mind');
    await hub.ask(REGISTER, { sessionId: OPEN_SESSION }, token);
    const before = await rows();
    const cancelled = await hub.ask(`mutation { cancelSessionRegistration(sessionId: "${OPEN_SESSION}") { status } }`, {}, token);
    expect(cancelled.body.data!.cancelSessionRegistration.status).toBe('CANCELLED');
    const again = await hub.ask(REGISTER, { sessionId: OPEN_SESSION }, token);
    expect(again.body.data!.registerForSession.status).toBe('CONFIRMED');
    expect(await rows()).toEqual({ registrations: before.registrations, audit: before.audit + 2 });

    const list = `{ learningSession(id: "${OPEN_SESSION}") { registeredCount registrations { subject status } } }`;
    const asAdmin = await hub.ask(list, {}, admin);
    expect(asAdmin.body.data!.learningSession.registrations.map((registration: { subject: string }) => registration.subject)).toContain('member-changes-mind');
    const asMember = await hub.ask(list, {}, token);
    expect(asMember.body.data!.learningSession).toMatchObject({ registrations: null });
    expect(asMember.body.errors![0].extensions.code).toBe('FORBIDDEN');
  });
});
