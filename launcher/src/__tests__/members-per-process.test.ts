import { loadLauncherConfig } from '../config.js';
import { startNetwork, type NetworkOptions } from '../network.js';

const options = (extra: Partial<NetworkOptions>): NetworkOptions => ({
  // Nothing listens here: a refusal must come before any connection.
  adminDatabaseUrl: 'postgres://postgres@127.0.0.1:1/postgres',
  keys: { privateKeyFile: '/nonexistent', jwksFile: '/nonexistent', gatewayTokenFile: '/nonexistent', gatewayClientSecretFile: '/nonexistent' },
  members: ['KE', 'GH'],
  dbPrefix: 'wps_unit',
  logDir: '/nonexistent',
  ...extra,
});

describe('HUB_MEMBERS_PER_PROCESS', () => {
  it('defaults to one process per member, and takes a whole number from 1 to 64', () => {
    expect(loadLauncherConfig({}).membersPerProcess).toBe(1);
    expect(loadLauncherConfig({ HUB_MEMBERS_PER_PROCESS: '8' }).membersPerProcess).toBe(8);
    for (const refused of ['0', '65', 'two', '1.5']) expect(() => loadLauncherConfig({ HUB_MEMBERS_PER_PROCESS: refused })).toThrow(/HUB_MEMBERS_PER_PROCESS/);
  });

  it('is refused before anything starts when it is not a whole number of at least 1', async () => {
    await expect(startNetwork(options({ membersPerProcess: 0 }))).rejects.toThrow('membersPerProcess must be a whole number of at least 1 (got 0)');
  });

  it('is refused with a member in a command of its own (a network namespace), which needs a process of its own', async () => {
    await expect(startNetwork(options({ membersPerProcess: 2, memberCommandPrefix: { KE: ['ip', 'netns', 'exec', 'ke'] } }))).rejects.toThrow(/memberCommandPrefix needs one process per member/);
  });
});
