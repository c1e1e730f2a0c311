import { databaseUrl } from '@wps/launcher';
import { postGraphQL, startTestNetwork, testAdminUrl, type TestNetwork } from '@wps/tests';
import pg from 'pg';

const FRAMEWORK_FOLLOW_UPS = /* GraphQL */ `
  query ($framework: FrameworkCode!) {
    framework(code: $framework) {
      followUps {
        members { countryCode memberStatus overdue open done oldestOverdueDue isDemo }
        summary { members connected unavailable reporting totalOverdue membersWithOverdue computedFromDemo }
      }
    }
  }
`;

type Member = { countryCode: string; memberStatus: string; overdue: number | null; open: number | null; done: number | null; oldestOverdueDue: string | null; isDemo: boolean | null };

/**
 * What is overdue across a framework (issue 13.3), through the gateway: the
 * follow-up actions of decisions on recommendations, per member from its own
 * rows, and a summary that counts a member that fails as unavailable, never
 * as a member with nothing overdue.
 */
describe('overdue follow-up actions across a framework', () => {
  let hub: TestNetwork;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'followups', members: ['KE', 'RW'] });
  });
  afterAll(() => hub?.stop());

  /** The counts as the member's own rows give them: actions of published reports (what the public sees), as of today (UTC). */
  const countsInDatabase = async (code: string) => {
    const client = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), hub.network.databases.find((name) => name.endsWith(`_nap_${code.toLowerCase()}`))!) });
    await client.connect();
    try {
      const { rows } = await client.query<{ overdue: number; open: number; done: number; oldest: string | null }>(
        `WITH action AS (SELECT a.* FROM follow_up_action a JOIN report_recommendation r ON r.id = a.recommendation_id JOIN progress_report p ON p.id = r.report_id WHERE p.status = 'PUBLISHED'),
              late AS (SELECT * FROM action WHERE status NOT IN ('DONE', 'DROPPED') AND due_on < (now() AT TIME ZONE 'UTC')::date)
         SELECT (SELECT count(*)::int FROM late) AS overdue, (SELECT count(*)::int FROM action WHERE status NOT IN ('DONE', 'DROPPED')) AS open,
                (SELECT count(*)::int FROM action WHERE status = 'DONE') AS done, (SELECT to_char(min(due_on), 'YYYY-MM-DD') FROM late) AS oldest`,
      );
      const row = rows[0]!;
      return { overdue: row.overdue, open: row.open, done: row.done, oldestOverdueDue: row.oldest };
    } finally {
      await client.end();
    }
  };

  const ask = async () => {
    const { status, body } = await postGraphQL(hub.gatewayUrl, FRAMEWORK_FOLLOW_UPS, { framework: 'AU_CRF' });
    expect(status).toBe(200);
    return { errors: body.errors, followUps: body.data!.framework.followUps as { members: Member[]; summary: Record<string, unknown> } };
  };

  it("gives every AU member's overdue, open and done actions from its own rows, and a summary over the members' answers that says it rests on demo values", async () => {
    const { errors, followUps } = await ask();
    expect(errors).toBeUndefined();
    expect(followUps.members).toHaveLength(55);
    const expected: Record<string, Awaited<ReturnType<typeof countsInDatabase>>> = {};
    for (const code of ['KE', 'RW']) {
      expected[code] = await countsInDatabase(code);
      expect(expected[code]!.overdue + expected[code]!.done).toBeGreaterThan(0);
      expect(followUps.members.find((member) => member.countryCode === code)).toEqual({ countryCode: code, memberStatus: 'ACTIVE', ...expected[code], isDemo: true });
    }
    for (const member of followUps.members.filter((candidate) => candidate.memberStatus === 'NOT_CONNECTED')) {
      expect([member.overdue, member.open, member.done, member.isDemo]).toEqual([null, null, null, null]);
    }
    expect(followUps.summary).toEqual({
      members: 55,
      connected: 2,
      unavailable: 0,
      reporting: 2,
      totalOverdue: expected.KE!.overdue + expected.RW!.overdue,
      membersWithOverdue: [expected.KE!, expected.RW!].filter((counts) => counts.overdue > 0).length,
      computedFromDemo: true,
    });
  });

  it('lists a stopped member as unavailable, not as nothing overdue, and still counts the others, with one error naming it', async () => {
    const kenya = await countsInDatabase('KE');
    await hub.network.members.get('RW')!.stop();
    try {
      const { errors, followUps } = await ask();
      expect(followUps.members.find((member) => member.countryCode === 'RW')).toMatchObject({ memberStatus: 'ACTIVE', overdue: null, open: null, done: null, isDemo: null });
      expect(followUps.members.find((member) => member.countryCode === 'KE')).toMatchObject(kenya);
      expect(followUps.summary).toEqual({
        members: 55,
        connected: 2,
        unavailable: 1,
        reporting: 1,
        totalOverdue: kenya.overdue,
        membersWithOverdue: kenya.overdue > 0 ? 1 : 0,
        computedFromDemo: true,
      });
      expect(errors!.map((error) => error.extensions)).toEqual([{ code: 'MEMBER_UNAVAILABLE', country: 'RW', reason: 'unreachable' }]);
    } finally {
      await hub.network.startMember('RW');
    }
  });
});
