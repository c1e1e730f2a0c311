import { readFileSync } from 'node:fs';
import { takeOffline } from '@wps/launcher';
import { postGraphQL, startTestNetwork, waitFor, type TestNetwork } from '@wps/tests';

const QUERY = `{ countries(framework: AU_CRF) { code memberStatus currentActionPlan { title demoFields indicators { id } } } }`;

type CountryRow = { code: string; memberStatus: string; currentActionPlan: { title: string; demoFields: string[]; indicators: { id: string }[] } | null };

/**
 * A network of many members starts whatever one of them does (issue 11): a
 * member that fails to start is reported, left out and shown OFFLINE, and
 * the others answer; a member with no NAP history in data/ gets a
 * synthetic load profile on a scale run, flagged as such.
 */
describe('starting a network', () => {
  let hub: TestNetwork;

  beforeAll(async () => {
    hub = await startTestNetwork({
      label: 'netstart',
      members: ['KE', 'BW', 'GH'],
      syntheticProfiles: true,
      leaveOutFailedMembers: true,
      // A setting the member refuses at start: its process exits before it is ready.
      memberEnv: { GH: { DB_POOL_MAX: '0' } },
    });
  });
  afterAll(() => hub?.stop());

  it('leaves out a member that fails to start, says why, shows it OFFLINE, and the others answer', async () => {
    expect([...hub.network.failedMembers.keys()]).toEqual(['GH']);
    expect(hub.network.failedMembers.get('GH')).toMatch(/exited before it was ready/);
    expect([...hub.network.members.keys()].sort()).toEqual(['BW', 'KE']);

    let answer: Awaited<ReturnType<typeof postGraphQL>> | undefined;
    const offline = await waitFor(async () => {
      answer = await postGraphQL(hub.gatewayUrl, QUERY);
      const rows = (answer.body.data?.countries ?? []) as CountryRow[];
      // The registry says OFFLINE at once; the gateway's copy follows within REGISTRY_REFRESH_MS (it first probed the empty port).
      const reasons = (answer.body.errors ?? []).map((error: { extensions: { reason?: string } }) => error.extensions.reason);
      return rows.find((row) => row.code === 'GH')?.memberStatus === 'OFFLINE' && reasons.includes('offline');
    }, 15_000);
    expect(offline).toBe(true);
    const rows = answer!.body.data!.countries as CountryRow[];
    expect(rows.find((row) => row.code === 'KE')!.currentActionPlan!.title).toMatch(/Kenya/);
    expect(rows.find((row) => row.code === 'GH')!.currentActionPlan).toBeNull();
    // The only error names the member that is not running.
    expect((answer!.body.errors ?? []).map((error: { extensions: { code: string; country: string; reason: string } }) => error.extensions)).toEqual([
      { code: 'MEMBER_UNAVAILABLE', country: 'GH', reason: 'offline' },
    ]);
  });

  it('gives a member with no NAP history a synthetic load profile that says so in its title and flags every fact', async () => {
    const response = await postGraphQL(hub.gatewayUrl, QUERY);
    const botswana = (response.body.data!.countries as CountryRow[]).find((row) => row.code === 'BW')!;
    expect(botswana.memberStatus).toBe('ACTIVE');
    expect(botswana.currentActionPlan!.title).toBe('SYNTHETIC LOAD PROFILE for BW: not a real national action plan');
    expect(botswana.currentActionPlan!.demoFields).toEqual(expect.arrayContaining(['title', 'iteration', 'periodStart', 'periodEnd', 'verified']));
    // A real plan's size: the load it stands for.
    expect(botswana.currentActionPlan!.indicators.length).toBeGreaterThanOrEqual(20);
  });

  it('runs the subgraphs as the image runs them (NODE_ENV=production) and keeps the gateway in development for its sign-in', () => {
    const nodeEnvOf = (pid: number) =>
      readFileSync(`/proc/${pid}/environ`, 'utf8')
        .split('\0')
        .find((entry) => entry.startsWith('NODE_ENV='));
    const { members, regional, knowledge, gateway } = hub.network;
    for (const service of [...members.values(), regional, knowledge]) expect(nodeEnvOf(service.pid)).toBe('NODE_ENV=production');
    expect(nodeEnvOf(gateway.pid)).not.toBe('NODE_ENV=production');
  });

  it('fails start-up with an error naming the member when the gateway hangs while the launcher takes that member offline, instead of hanging', async () => {
    // A gateway that accepts the connection and never answers: its process is stopped (SIGSTOP), not killed.
    process.kill(hub.network.gateway.pid, 'SIGSTOP');
    try {
      const started = Date.now();
      await expect(takeOffline(hub.gatewayUrl, hub.keys.privateKeyFile, ['GH'], 500)).rejects.toThrow('could not take GH offline: the gateway did not answer within 500 ms');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      process.kill(hub.network.gateway.pid, 'SIGCONT');
    }
  });
});
