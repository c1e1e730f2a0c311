import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { databaseUrl } from '@wps/launcher';
import { postGraphQL, startTestNetwork, testAdminUrl, waitFor, type TestNetwork } from '@wps/tests';
import pg from 'pg';

const QUERY = `{ countries(framework: AU_CRF) { code memberStatus currentActionPlan { title } } }`;

type CountryRow = { code: string; memberStatus: string; currentActionPlan: { title: string } | null };
type ErrorExtensions = { code: string; country?: string; reason?: string };

type Answer = Awaited<ReturnType<typeof ask>>;

async function ask(hub: TestNetwork) {
  const answer = await postGraphQL(hub.gatewayUrl, QUERY);
  const rows = (answer.body.data?.countries ?? []) as CountryRow[];
  const errors = ((answer.body.errors ?? []) as { extensions: ErrorExtensions }[]).map((error) => error.extensions);
  return { rows, errors, row: (code: string) => rows.find((row) => row.code === code) };
}

/** Asks until `until` holds, and gives the last answer. */
async function askUntil(hub: TestNetwork, until: (answer: Answer) => boolean): Promise<Answer> {
  let last: Answer | undefined;
  await waitFor(async () => until((last = await ask(hub))), 15_000);
  return last!;
}

/**
 * A simulation of a whole region on one machine (issue 11,
 * HUB_MEMBERS_PER_PROCESS): several members in one process, each still its
 * own subgraph, with its own database, port and data, started, failed and
 * stopped one at a time.
 */
describe('members hosted several to a process', () => {
  let hub: TestNetwork;
  // A port something else holds: Ghana's member is told to listen there, and fails after its database and server are open.
  const taken = net.createServer();

  beforeAll(async () => {
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    hub = await startTestNetwork({
      label: 'memberhost',
      members: ['KE', 'BW', 'GH', 'SN'],
      membersPerProcess: 2,
      syntheticProfiles: true,
      leaveOutFailedMembers: true,
      memberEnv: { GH: { PORT: String((taken.address() as AddressInfo).port) } },
    });
  });
  afterAll(async () => {
    await hub?.stop();
    await new Promise((resolve) => taken.close(resolve));
  });

  it('runs two members in each of two processes, each answering with its own data', async () => {
    expect(hub.network.memberHosts).toHaveLength(2);
    const pids = new Map<number, string[]>();
    for (const [code, member] of hub.network.members) pids.set(member.pid, [...(pids.get(member.pid) ?? []), code]);
    // Member i is in host i mod 2: KE with GH, BW with SN.
    expect([...pids.values()].map((codes) => codes.sort()).sort()).toEqual([['BW', 'SN'], ['KE']]);
    expect(new Set(hub.network.memberHosts.map((host) => host.pid))).toEqual(new Set(pids.keys()));
    const ports = [...hub.network.members.values()].map((member) => new URL(member.url).port);
    expect(new Set(ports).size).toBe(3);

    const { row } = await ask(hub);
    expect(row('KE')!.currentActionPlan!.title).toMatch(/Kenya/);
    expect(row('BW')!.currentActionPlan!.title).toBe('SYNTHETIC LOAD PROFILE for BW: not a real national action plan');
    expect(row('SN')!.currentActionPlan!.title).toMatch(/Senegal/);
  });

  it('leaves out a member that fails to start in its host, says why, closes what it opened, and its host-mate answers', async () => {
    expect([...hub.network.failedMembers.keys()]).toEqual(['GH']);
    expect(hub.network.failedMembers.get('GH')).toMatch(/nap-gh could not start in its host \(pid \d+\): .*EADDRINUSE/);
    // Its serving pool was open when the port was refused: none of its connections is left in the host.
    const ghana = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), hub.network.databases.find((name) => name.endsWith('_gh'))!) });
    await ghana.connect();
    try {
      const { rows } = await ghana.query<{ count: number }>(`SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'nap-gh'`);
      expect(rows[0]!.count).toBe(0);
    } finally {
      await ghana.end();
    }
    const answer = await askUntil(hub, (now) => now.row('GH')?.memberStatus === 'OFFLINE' && now.errors.some((error) => error.reason === 'offline'));
    expect(answer.row('GH')!.memberStatus).toBe('OFFLINE');
    expect(answer.errors).toEqual([{ code: 'MEMBER_UNAVAILABLE', country: 'GH', reason: 'offline' }]);
    expect(answer.row('KE')!.currentActionPlan!.title).toMatch(/Kenya/);
  });

  it('stops one hosted member while its host-mate serves on, and starts it again on the same port', async () => {
    const senegal = hub.network.members.get('SN')!;
    const botswana = hub.network.members.get('BW')!;
    expect(senegal.pid).toBe(botswana.pid);
    await senegal.stop();
    await senegal.exited;
    expect(botswana.child.exitCode).toBeNull();

    const down = await askUntil(hub, (now) => now.errors.some((error) => error.country === 'SN'));
    expect(down.row('SN')!.currentActionPlan).toBeNull();
    expect(down.row('BW')!.currentActionPlan!.title).toMatch(/BW/);
    expect(down.errors.filter((error) => error.country !== 'GH')).toEqual([expect.objectContaining({ code: 'MEMBER_UNAVAILABLE', country: 'SN' })]);

    const again = await hub.network.startMember('SN');
    expect(again.pid).toBe(botswana.pid);
    expect(again.url).toBe(senegal.url);
    const back = await askUntil(hub, (now) => now.row('SN')?.currentActionPlan != null);
    expect(back.row('SN')!.currentActionPlan!.title).toMatch(/Senegal/);
  });
});
