import { createTokenVerifier, Role, signDevToken, type SubgraphServer } from '@wps/kit';
import { closeTestSubgraph, openTestSubgraphDatabase, postGraphQL, silentLogger as logger, testKeys, type TestDatabase } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { regionalEntities } from '../../entities.js';
import { regionalMigrations } from '../../migrations/index.js';
import { createRegionalServer } from '../../server.js';
import { bootstrapMembers, getMember, recordMemberCheck, registerMember, registryOn, removeMember, updateMember, type Registry } from '../registry.service.js';

/**
 * The member revision: what tells the gateway that the hub admin changed a
 * member (and it must check it again), as opposed to its own recorded check.
 */
describe("the registry's member revision", () => {
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  let server: SubgraphServer | undefined;
  let registry: Registry;
  let url: string;
  let keys: Awaited<ReturnType<typeof testKeys>>;

  beforeAll(async () => {
    ({ database, dataSource } = await openTestSubgraphDatabase('registryrevision', regionalEntities, regionalMigrations));
    registry = registryOn(dataSource);
    keys = await testKeys();
    server = await createRegionalServer({
      dataSource,
      logger,
      verifier: createTokenVerifier({ jwksFile: keys.jwksFile, issuer: 'wps-federation-hub', audience: 'wps-federation-hub' }),
    });
    url = await server.listen(0);
  });

  afterAll(() => closeTestSubgraph({ server, database }));

  const revisionOf = async (countryCode: string) => Number((await getMember(registry, countryCode))!.revision);
  const auditCount = async () => ((await dataSource!.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'member'`)) as { n: number }[])[0]!.n;
  const as = async (roles: Role[] | null, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(url, query, variables, roles ? { authorization: `Bearer ${await signDevToken(keys.privateKeyFile, { subject: 'someone', roles })}` } : {});

  it('takes a new, higher revision at every admin change: register, re-point, take offline, bring back, the seed', async () => {
    await registerMember(registry, { countryCode: 'KE', endpoint: 'http://nap-ke:4000/graphql' }, 'admin');
    const seen = [await revisionOf('KE')];
    await updateMember(registry, 'KE', { endpoint: 'http://nap-ke-2:4000/graphql' }, 'admin');
    seen.push(await revisionOf('KE'));
    await updateMember(registry, 'KE', { status: 'OFFLINE' }, 'admin');
    seen.push(await revisionOf('KE'));
    await updateMember(registry, 'KE', { status: 'ACTIVE' }, 'admin');
    seen.push(await revisionOf('KE'));
    await bootstrapMembers(registry, [{ countryCode: 'KE', endpoint: 'http://nap-ke:4000/graphql' }], false);
    seen.push(await revisionOf('KE'));
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("keeps the revision when the gateway's check is recorded", async () => {
    const before = await revisionOf('KE');
    const recorded = await recordMemberCheck(registry, 'KE', { passed: false, reason: 'Differs from the NAP contract: x.', contractVersion: 'nap@000000000000', revision: before }, 'gateway');
    expect(recorded).toMatchObject({ status: 'QUARANTINED', reason: 'Differs from the NAP contract: x.', contractVersion: 'nap@000000000000' });
    expect(recorded.lastCheckedAt).not.toBeNull();
    expect(await revisionOf('KE')).toBe(before);
  });

  it('does not record a check of a revision the admin has changed since, and writes no audit entry for it', async () => {
    const checked = await revisionOf('KE');
    await updateMember(registry, 'KE', { endpoint: 'http://nap-ke-3:4000/graphql' }, 'admin');
    const current = await getMember(registry, 'KE');
    const audits = await auditCount();

    const stale = await recordMemberCheck(registry, 'KE', { passed: true, reason: null, contractVersion: 'nap@111111111111', revision: checked }, 'gateway');
    expect(stale).toEqual(current);
    expect(await getMember(registry, 'KE')).toEqual(current);
    expect(await auditCount()).toBe(audits);
  });

  it('never gives a member removed and registered again a revision seen before', async () => {
    const before = await revisionOf('KE');
    await removeMember(registry, 'KE', 'admin');
    await registerMember(registry, { countryCode: 'KE', endpoint: 'http://nap-ke:4000/graphql' }, 'admin');
    expect(await revisionOf('KE')).toBeGreaterThan(before);
  });

  it('serves Member.revision to the hub service and admin only, and takes the checked revision in recordMemberCheck', async () => {
    const revision = await revisionOf('KE');
    expect((await as([Role.HUB_SERVICE], '{ members { countryCode revision } }')).body.data!.members).toEqual([{ countryCode: 'KE', revision }]);
    expect((await as([Role.HUB_ADMIN], '{ members { revision } }')).body.data!.members).toEqual([{ revision }]);
    for (const [roles, code] of [[null, 'UNAUTHENTICATED'], [[Role.REGIONAL_ANALYST], 'FORBIDDEN']] as const) {
      expect((await as(roles && [...roles], '{ members { revision } }')).body.errors!.map((error) => error.extensions.code)).toEqual([code]);
    }

    const RECORD = `mutation ($revision: Int) { recordMemberCheck(countryCode: "KE", input: { passed: false, reason: "r", revision: $revision }) { status revision } }`;
    expect((await as([Role.HUB_SERVICE], RECORD, { revision: revision - 1 })).body.data!.recordMemberCheck).toEqual({ status: 'ACTIVE', revision });
    expect((await as([Role.HUB_SERVICE], RECORD, { revision })).body.data!.recordMemberCheck).toEqual({ status: 'QUARANTINED', revision });
  });
});
