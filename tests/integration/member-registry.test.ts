import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createSubgraphServer, Role, signDevToken, type SubgraphServer } from '@wps/kit';
import { REPO_ROOT } from '@wps/launcher';
import { createHubClient, FrameworkProgressDocument, MembersDocument, RegisterMemberDocument, RemoveMemberDocument, UpdateMemberDocument, type HubClient } from '@wps/sdk';
import { silentLogger, startExtraMember, startTestNetwork, waitFor, type ExtraMember, type TestNetwork } from '@wps/tests';
import { parse } from 'graphql';

/**
 * The registry (ARCHITECTURE.md section 3) changes while the gateway runs:
 * the gateway re-reads it on an interval and checks a member's schema
 * against the NAP contract before routing to it, whenever the admin
 * registers, re-points or brings back that member.
 */
describe('the member registry, while the gateway runs', () => {
  let hub: TestNetwork;
  let admin: HubClient;
  let ghana: ExtraMember | undefined;
  let uganda: ExtraMember | undefined;
  let altered: SubgraphServer | undefined;

  beforeAll(async () => {
    hub = await startTestNetwork({ label: 'registry', members: ['KE'], env: { REGISTRY_REFRESH_MS: '300' } });
    admin = createHubClient({ url: hub.gatewayUrl, token: await signDevToken(hub.keys.privateKeyFile, { subject: 'hub-admin', roles: [Role.HUB_ADMIN] }) });
  });
  afterAll(async () => {
    await ghana?.stop();
    await uganda?.stop();
    await altered?.stop();
    await hub?.stop();
  });

  const au = async () => {
    const result = await hub.client.execute(FrameworkProgressDocument, { framework: 'AU_CRF' });
    return { result, byCode: new Map(result.data!.countries.map((country) => [country.code, country])) };
  };
  const members = async () => new Map((await admin.execute(MembersDocument, {})).data!.members.map((member) => [member.countryCode, member]));

  it('serves a newly registered member in the next cross-country query, without a restart', async () => {
    ghana = await startExtraMember('GH');
    expect((await au()).byCode.get('GH')).toMatchObject({ memberStatus: 'NOT_CONNECTED', currentActionPlan: null });

    const registered = await admin.execute(RegisterMemberDocument, { input: { countryCode: 'GH', endpoint: ghana.url } });
    expect(registered.errors).toEqual([]);
    expect(registered.data!.registerMember).toEqual({ countryCode: 'GH', status: 'ACTIVE' });

    expect(await waitFor(async () => (await au()).byCode.get('GH')?.currentActionPlan !== null, 10_000)).toBe(true);
    const { result, byCode } = await au();
    expect(result.errors).toEqual([]);
    expect(byCode.get('GH')!.currentActionPlan!.title).toContain('Ghana');
    // The gateway checked its contract and recorded it.
    expect(await waitFor(async () => (await members()).get('GH')?.lastCheckedAt != null, 5_000)).toBe(true);
    expect((await members()).get('GH')).toMatchObject({ status: 'ACTIVE', reason: null, contractVersion: expect.stringMatching(/^nap@[0-9a-f]{12}$/) });
  });

  it('quarantines a member built from an altered schema, naming what differs, while the others answer', async () => {
    // A member whose NAP subgraph lost a field of the contract and changed an entity key.
    const contract = readFileSync(path.join(REPO_ROOT, 'subgraphs', 'nap', 'schema.graphql'), 'utf8');
    const alteredSdl = contract.replace(/\n {2}"""1 for the first plan, 2 for the second, …"""\n {2}iteration: Int!\n/, '\n').replace(
      /type Measurement\n {2}@key\(fields: "countryCode id"\)/,
      'type Measurement\n  @key(fields: "id")',
    );
    expect(alteredSdl).not.toBe(contract);
    altered = await createSubgraphServer({ name: 'altered-ug', schema: buildSubgraphSchema(parse(alteredSdl)), logger: silentLogger, context: async () => ({}) });
    const url = await altered.listen(0);
    expect((await admin.execute(RegisterMemberDocument, { input: { countryCode: 'UG', endpoint: url } })).errors).toEqual([]);

    expect(await waitFor(async () => (await members()).get('UG')?.status === 'QUARANTINED', 10_000)).toBe(true);
    const uganda = (await members()).get('UG')!;
    expect(uganda.reason).toContain("Field 'iteration' was removed from object type 'NationalActionPlan'");
    expect(uganda.reason).toContain(`Type 'Measurement' lacks the key @key(fields: "countryCode id")`);

    const { result, byCode } = await au();
    expect(byCode.get('UG')).toMatchObject({ memberStatus: 'QUARANTINED', currentActionPlan: null });
    expect(byCode.get('KE')!.currentActionPlan).not.toBeNull();
    expect(byCode.get('GH')!.currentActionPlan).not.toBeNull();
    expect(result.errors).toEqual([
      { message: expect.stringContaining('UG'), path: ['countries', expect.any(Number)], extensions: { code: 'MEMBER_UNAVAILABLE', country: 'UG', reason: 'quarantined' } },
    ]);
  });

  it('re-points a quarantined member to a subgraph that serves the contract: checked again and routed to, without a restart', async () => {
    uganda = await startExtraMember('UG');
    const repointed = await admin.execute(UpdateMemberDocument, { countryCode: 'UG', input: { endpoint: uganda.url } });
    expect(repointed.errors).toEqual([]);

    expect(await waitFor(async () => (await au()).byCode.get('UG')?.currentActionPlan != null, 10_000)).toBe(true);
    const { result, byCode } = await au();
    expect(result.errors).toEqual([]);
    expect(byCode.get('UG')!.memberStatus).toBe('ACTIVE');
    expect(byCode.get('UG')!.currentActionPlan!.title).toContain('Uganda');
    expect(await waitFor(async () => (await members()).get('UG')?.lastCheckedAt != null, 5_000)).toBe(true);
    expect((await members()).get('UG')).toMatchObject({ status: 'ACTIVE', reason: null, contractVersion: expect.stringMatching(/^nap@[0-9a-f]{12}$/) });
  });

  it('takes a member offline and back: OFFLINE nulls its country with one error, ACTIVE is checked again before its data returns', async () => {
    const offline = await admin.execute(UpdateMemberDocument, { countryCode: 'UG', input: { status: 'OFFLINE' } });
    expect(offline.errors).toEqual([]);
    expect(offline.data!.updateMember).toEqual({ countryCode: 'UG', status: 'OFFLINE', reason: 'taken offline by the hub admin' });
    expect(await waitFor(async () => (await au()).byCode.get('UG')?.currentActionPlan === null, 10_000)).toBe(true);
    const down = await au();
    expect(down.byCode.get('UG')).toMatchObject({ memberStatus: 'OFFLINE', currentActionPlan: null });
    expect(down.byCode.get('KE')!.currentActionPlan).not.toBeNull();
    expect(down.result.errors).toEqual([
      { message: expect.stringContaining('UG'), path: ['countries', expect.any(Number)], extensions: { code: 'MEMBER_UNAVAILABLE', country: 'UG', reason: 'offline' } },
    ]);

    const back = await admin.execute(UpdateMemberDocument, { countryCode: 'UG', input: { status: 'ACTIVE' } });
    expect(back.errors).toEqual([]);
    // Bringing it back clears its last check; the gateway checks it again (a new revision) and records that.
    expect(back.data!.updateMember).toEqual({ countryCode: 'UG', status: 'ACTIVE', reason: null });
    expect(await waitFor(async () => (await members()).get('UG')?.lastCheckedAt != null, 10_000)).toBe(true);
    expect(await waitFor(async () => (await au()).byCode.get('UG')?.currentActionPlan != null, 10_000)).toBe(true);
    const up = await au();
    expect(up.result.errors).toEqual([]);
    expect(up.byCode.get('UG')).toMatchObject({ memberStatus: 'ACTIVE' });
  });

  it('removes a member: its country is NOT_CONNECTED again, with no data and no error', async () => {
    const removed = await admin.execute(RemoveMemberDocument, { countryCode: 'GH' });
    expect(removed.errors).toEqual([]);
    // The registry says so at once; the gateway stops routing at its next refresh (REGISTRY_REFRESH_MS).
    expect(
      await waitFor(async () => {
        const ghana = (await au()).byCode.get('GH');
        return ghana?.memberStatus === 'NOT_CONNECTED' && ghana.currentActionPlan === null;
      }, 10_000),
    ).toBe(true);
    const { result, byCode } = await au();
    expect(byCode.get('GH')!.currentActionPlan).toBeNull();
    expect(result.errors.filter((error) => error.extensions?.country === 'GH')).toEqual([]);
    expect((await members()).has('GH')).toBe(false);
  });

  it('lets only the hub admin change the registry: the public is UNAUTHENTICATED, a focal point FORBIDDEN', async () => {
    const anonymous = await hub.client.execute(RegisterMemberDocument, { input: { countryCode: 'NA', endpoint: 'http://nap-na:4100/graphql' } });
    expect(anonymous.errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const focalPoint = createHubClient({
      url: hub.gatewayUrl,
      token: await signDevToken(hub.keys.privateKeyFile, { subject: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE' }),
    });
    const refused = await focalPoint.execute(RemoveMemberDocument, { countryCode: 'KE' });
    expect(refused.errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await members()).get('KE')).toMatchObject({ status: 'ACTIVE' });
    expect((await members()).has('NA')).toBe(false);
  });
});
