import { NETWORK_ADMIN, NETWORK_MEMBER, startKnowledgeHarness, type KnowledgeHarness } from './knowledge-harness.js';

interface ContentLine {
  /** The innermost component the line is in, e.g. "VEVENT". */
  component: string;
  name: string;
  params: Record<string, string>;
  value: string;
}

/** RFC 5545 content lines: unfolded, each "NAME;PARAM=…:value", components balanced, one VCALENDAR. Throws on anything else. */
function parseICalendar(text: string): ContentLine[] {
  if (!text.includes('\r\n')) throw new Error('iCalendar lines end with CRLF');
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
  const open: string[] = [];
  const parsed = lines.map((line) => {
    const match = /^([A-Z][A-Z0-9-]*)((?:;[A-Z0-9-]+=(?:"[^"]*"|[^;:]*))*):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const params = Object.fromEntries([...match[2]!.matchAll(/;([A-Z0-9-]+)=("[^"]*"|[^;:]*)/g)].map((param) => [param[1]!, param[2]!.replace(/^"|"$/g, '')]));
    if (match[1] === 'END' && open.pop() !== match[3]) throw new Error(`unbalanced END:${match[3]}`);
    const component = match[1] === 'BEGIN' || match[1] === 'END' ? (open.at(-1) ?? '') : open.at(-1)!;
    if (match[1] === 'BEGIN') open.push(match[3]!);
    if (open.length === 0 && match[1] !== 'END') throw new Error(`a line outside VCALENDAR: ${line}`);
    return { component, name: match[1]!, params, value: match[3]! };
  });
  if (open.length > 0 || parsed[0]?.value !== 'VCALENDAR' || parsed.at(-1)?.value !== 'VCALENDAR') throw new Error('not one VCALENDAR');
  return parsed;
}

/** A property of the event (or of another component). */
const property = (lines: ContentLine[], name: string, component = 'VEVENT') => {
  const line = lines.find((candidate) => candidate.name === name && candidate.component === component);
  return line && { name: line.name, params: line.params, value: line.value };
};

describe('the calendar of learning sessions', () => {
  let hub: KnowledgeHarness;

  beforeAll(async () => {
    hub = await startKnowledgeHarness('knowcalendar');
  });
  afterAll(() => hub?.close());

  it('lists upcoming sessions soonest first, each in an explicit IANA time zone, and every real session as past', async () => {
    const { body } = await hub.ask(`{
      upcoming: learningSessions(when: UPCOMING) { id startsAt startsAtUtc timeZone timing isDemo capacity seatsLeft }
      past: learningSessions(when: PAST) { id startsAtUtc timing isDemo }
    }`);
    expect(body.errors).toBeUndefined();
    const upcoming = body.data!.upcoming as { id: string; startsAt: string; startsAtUtc: string; timeZone: string; timing: string; isDemo: boolean }[];
    expect(upcoming.map((session) => session.id)).toEqual([
      'demo-costing-financing-webinar',
      'demo-outcome-monitoring-working-group',
      'demo-localisation-dialogue',
      'demo-accountability-webinar',
    ]);
    for (const session of upcoming) {
      expect(session).toMatchObject({ timing: 'UPCOMING', isDemo: true });
      expect(new Date(session.startsAtUtc).getTime()).toBeGreaterThan(Date.now());
      expect(session.timeZone).toMatch(/^[A-Z][a-z]+\/[A-Za-z_]+$/);
      // startsAt is the local time with the zone's offset: the same instant as startsAtUtc.
      expect(new Date(session.startsAt).toISOString()).toBe(session.startsAtUtc);
    }
    expect(upcoming[0]!.startsAt).toMatch(/T14:00:00\+03:00$/);
    const past = body.data!.past as { id: string; startsAtUtc: string; isDemo: boolean }[];
    expect(past.filter((session) => !session.isDemo).map((session) => session.id)).toEqual([
      'fpn-technical-learning-2022-11-08',
      'fpn-working-group-2021-06-09',
      'instraw-virtual-dialogue-2008',
    ]);
    expect(past.map((session) => session.startsAtUtc)).toEqual([...past.map((session) => session.startsAtUtc)].sort().reverse());
  });

  it('exports a real session as an iCalendar that parses: UID, DTSTART and DTEND with TZID in its recorded offset, and its VTIMEZONE', async () => {
    const { body } = await hub.ask(`{ learningSession(id: "fpn-technical-learning-2022-11-08") { title timeZone icalendar } }`);
    const session = body.data!.learningSession;
    expect(session.timeZone).toBe('Etc/GMT+5');
    expect(session.icalendar.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const lines = parseICalendar(session.icalendar);
    expect(property(lines, 'UID')!.value).toBe('fpn-technical-learning-2022-11-08@wps-federation-hub');
    expect(property(lines, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Etc/GMT+5' }, value: '20221108T083000' });
    expect(property(lines, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: 'Etc/GMT+5' }, value: '20221108T100000' });
    expect(lines.filter((line) => line.name === 'TZID').map((line) => line.value)).toEqual(['Etc/GMT+5']);
    expect(property(lines, 'TZOFFSETTO', 'STANDARD')!.value).toBe('-0500');
    expect(property(lines, 'SUMMARY')!.value).toBe(session.title.replace(/,/g, '\\,'));
    expect(property(lines, 'DESCRIPTION')!.value).toContain('Hosts: WPS Focal Points Network Secretariat\\, UN Women\\, Gender Associations International');
    expect(property(lines, 'DTSTAMP')!.value).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('exports a demo session in its IANA zone with its URL, and a date-only session as whole days', async () => {
    const { body } = await hub.ask(`{
      demo: learningSession(id: "demo-costing-financing-webinar") { startsAt icalendar }
      dialogue: learningSession(id: "instraw-virtual-dialogue-2008") { icalendar }
    }`);
    const demo = parseICalendar(body.data!.demo.icalendar);
    const day = (body.data!.demo.startsAt as string).slice(0, 10).replace(/-/g, '');
    expect(property(demo, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Africa/Nairobi' }, value: `${day}T140000` });
    expect(property(demo, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: 'Africa/Nairobi' }, value: `${day}T153000` });
    expect(property(demo, 'UID')!.value).toBe('demo-costing-financing-webinar@wps-federation-hub');
    expect(property(demo, 'URL')!.value).toBe('https://example.org/fpn/sessions/demo-costing-financing-webinar');
    expect(property(demo, 'TZOFFSETTO', 'STANDARD')!.value).toBe('+0300');
    expect(property(demo, 'DESCRIPTION')!.value).toMatch(/^Demo session generated for the demo network/);

    const dialogue = parseICalendar(body.data!.dialogue.icalendar);
    expect(property(dialogue, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20081103' });
    // DTEND is exclusive: the dialogue ran to 21 November inclusive.
    expect(property(dialogue, 'DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20081122' });
  });

  it('serves the same calendar at GET /sessions/{id}.ics as text/calendar, and 404 for an unknown session', async () => {
    const base = hub.url.replace(/\/graphql$/, '');
    const response = await fetch(`${base}/sessions/demo-localisation-dialogue.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="demo-localisation-dialogue.ics"');
    const served = parseICalendar(await response.text());
    const { body } = await hub.ask(`{ learningSession(id: "demo-localisation-dialogue") { icalendar } }`);
    const withoutStamp = (lines: ContentLine[]) => lines.filter((line) => line.name !== 'DTSTAMP');
    expect(withoutStamp(served)).toEqual(withoutStamp(parseICalendar(body.data!.learningSession.icalendar)));
    expect(property(served, 'DTSTART')!.params.TZID).toBe('Africa/Lagos');
    expect((await fetch(`${base}/sessions/no-such-session.ics`)).status).toBe(404);
  });

  it('lets a network admin schedule a session in any IANA zone, and refuses a bad zone, a past start or a member (nothing written)', async () => {
    const admin = await hub.token('network-admin-1', NETWORK_ADMIN);
    const next = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const input = { title: 'Calendar test: Pacific morning session', kind: 'WEBINAR', localStart: `${next}T09:00`, localEnd: `${next}T10:00`, timeZone: 'Pacific/Auckland', access: 'OPEN' };
    const schedule = `mutation ($input: ScheduleLearningSessionInput!) { scheduleLearningSession(input: $input) { id startsAt timeZone capacity icalendar } }`;
    const before = { sessions: await hub.count('learning_session'), audit: await hub.count('audit_log') };
    for (const [change, as, code, field] of [
      [{ timeZone: 'Mars/Olympus_Mons' }, admin, 'BAD_USER_INPUT', 'input.timeZone'],
      [{ localStart: '2020-01-01T09:00', localEnd: '2020-01-01T10:00' }, admin, 'BAD_USER_INPUT', 'input.localStart'],
      [{ localEnd: `${next}T08:00` }, admin, 'BAD_USER_INPUT', 'input.localEnd'],
      [{}, await hub.token('member-1', NETWORK_MEMBER), 'FORBIDDEN', undefined],
    ] as const) {
      const { body } = await hub.ask(schedule, { input: { ...input, ...change } }, as);
      expect(body.errors![0].extensions.code).toBe(code);
      if (field) expect(body.errors![0].extensions.field).toBe(field);
    }
    expect({ sessions: await hub.count('learning_session'), audit: await hub.count('audit_log') }).toEqual(before);

    const { body } = await hub.ask(schedule, { input }, admin);
    expect(body.errors).toBeUndefined();
    expect(body.data!.scheduleLearningSession).toMatchObject({ id: `calendar-test-pacific-morning-session-${next}`, timeZone: 'Pacific/Auckland', capacity: null });
    expect(body.data!.scheduleLearningSession.startsAt).toMatch(new RegExp(`^${next}T09:00:00\\+1[23]:00$`));
    expect(property(parseICalendar(body.data!.scheduleLearningSession.icalendar), 'DTSTART')!.value).toBe(`${next.replace(/-/g, '')}T090000`);
    expect({ sessions: await hub.count('learning_session'), audit: await hub.count('audit_log') }).toEqual({ sessions: before.sessions + 1, audit: before.audit + 1 });
  });
});
