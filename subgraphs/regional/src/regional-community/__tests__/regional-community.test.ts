import { ErrorCode, HUB_SERVICE_ROLE } from '@wps/kit';
import { LEAK_PATTERNS, openRoleDataSource } from '@wps/tests';
import { startRegionalHarness, type RegionalHarness } from '../../__tests__/regional-harness.js';
import { regionalEntities } from '../../entities.js';

const COMMUNITY_FIELDS = `code name membersComplete asOf { value precision } sources note
  members { code }
  changes { change date { value precision } detail sources sourceConflict country { code } }
  actionPlans { key }`;
const PLAN_FIELDS = 'key body title period { start end } adopted { value precision } sources verified note sourceConflict community { code }';
const AU_RECOGNISED = ['AMU', 'CEN-SAD', 'COMESA', 'EAC', 'ECCAS', 'ECOWAS', 'IGAD', 'SADC'];

describe('regional economic communities and regional action plans, served by the regional subgraph', () => {
  let hub: RegionalHarness | undefined;

  beforeAll(async () => {
    hub = await startRegionalHarness({ label: 'recs' });
  });
  afterAll(() => hub?.close());

  const ask = (query: string, variables: Record<string, unknown> = {}) => hub!.ask(query, variables);

  it('lists the eight AU-recognised communities with their members, dated changes and sources', async () => {
    const { body } = await ask(`{ regionalEconomicCommunities { ${COMMUNITY_FIELDS} } }`);
    expect(body.errors).toBeUndefined();
    const communities = body.data!.regionalEconomicCommunities as Record<string, any>[];
    expect(communities.map((community) => community.code)).toEqual(AU_RECOGNISED);
    for (const community of communities) {
      expect(community.sources.length).toBeGreaterThan(0);
      expect(community.members.length).toBeGreaterThan(0);
    }
    const ecowas = communities.find((community) => community.code === 'ECOWAS')!;
    expect(ecowas).toMatchObject({ name: 'Economic Community of West African States', membersComplete: true, asOf: { value: '2025-01-29', precision: 'DAY' }, actionPlans: [{ key: 'ECOWAS-2010' }] });
    expect(ecowas.members.map((member: { code: string }) => member.code)).toEqual(['BJ', 'CI', 'CV', 'GH', 'GM', 'GN', 'GW', 'LR', 'NG', 'SL', 'SN', 'TG']);
    expect(ecowas.changes.map((change: any) => `${change.country.code} ${change.change} ${change.date.value} ${change.date.precision}`)).toEqual([
      'BF LEFT 2025-01-29 DAY',
      'ML LEFT 2025-01-29 DAY',
      'NE LEFT 2025-01-29 DAY',
    ]);
    const eac = communities.find((community) => community.code === 'EAC')!;
    expect(eac.changes.map((change: any) => `${change.country.code} ${change.change} ${change.date.value}`)).toEqual(['CD JOINED 2022-03-29', 'SO JOINED 2024-03-04']);
    expect(communities.find((community) => community.code === 'CEN-SAD')).toMatchObject({ membersComplete: false, asOf: { value: '2020', precision: 'YEAR' }, note: expect.stringMatching(/Sources disagree/) });
  });

  it('finds one community by its code in any case, null for a code the data does not record, and refuses a value that cannot be a code', async () => {
    const { body } = await ask(`{ sadc: regionalEconomicCommunity(code: " sadc ") { code members { code } } eu: regionalEconomicCommunity(code: "EU") { code } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.sadc.code).toBe('SADC');
    expect(body.data!.sadc.members).toHaveLength(16);
    expect(body.data!.eu).toBeNull();
    for (const code of ['', 'EC OWAS', 'ECOWAS; DROP TABLE', '<script>']) {
      const refused = (await ask('query ($code: String!) { regionalEconomicCommunity(code: $code) { code } }', { code })).body;
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors![0]!.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'code' });
      for (const pattern of LEAK_PATTERNS) expect(refused.errors![0]!.message).not.toMatch(pattern);
    }
    const wrong = (await ask('{ regionalEconomicCommunity(code: "EC-OWAS!") { code } }')).body;
    expect(wrong.errors![0]!.message).toBe('code must be the code of a regional economic community, one of AMU, CEN-SAD, COMESA, EAC, ECCAS, ECOWAS, IGAD, SADC; got "EC-OWAS!".');
    expect(wrong.errors![0]!.extensions!.validValues).toEqual(AU_RECOGNISED);
  });

  it('lists every regional action plan first adopted first, each with its sources and its community when the body is one', async () => {
    const { body } = await ask(`{ regionalActionPlans { ${PLAN_FIELDS} } }`);
    expect(body.errors).toBeUndefined();
    const plans = body.data!.regionalActionPlans as Record<string, any>[];
    expect(plans.map((plan) => plan.key)).toEqual(['ECOWAS-2010', 'LAS-2012', 'IGAD-2012', 'PIF-2012', 'NATO-EAPC-2014', 'LAS-2015', 'SADC-2018', 'EU-2019', 'NATO-2021', 'ASEAN-2022', 'IGAD-2023']);
    for (const plan of plans) expect(plan.sources.length).toBeGreaterThan(0);
    const byKey = new Map(plans.map((plan) => [plan.key, plan]));
    expect(byKey.get('ECOWAS-2010')).toMatchObject({ body: 'ECOWAS', adopted: { value: '2010-09-17', precision: 'DAY' }, period: { start: 2010, end: null }, verified: true, community: { code: 'ECOWAS' } });
    expect(byKey.get('SADC-2018')).toMatchObject({ adopted: { value: '2018', precision: 'YEAR' }, period: { start: 2018, end: 2030 }, community: { code: 'SADC' } });
    expect(byKey.get('ASEAN-2022')).toMatchObject({ adopted: { value: '2022-11', precision: 'MONTH' }, community: null });
    expect(byKey.get('IGAD-2012')).toMatchObject({ sourceConflict: expect.stringMatching(/2013/), community: { code: 'IGAD' } });
    expect(byKey.get('LAS-2012')).toMatchObject({ verified: false, community: null });
  });

  it("filters the plans by a community's code, and refuses a code the data does not record, listing the valid ones", async () => {
    const { body } = await ask(`{ igad: regionalActionPlans(communityCode: "igad") { key } amu: regionalActionPlans(communityCode: "AMU") { key } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ igad: [{ key: 'IGAD-2012' }, { key: 'IGAD-2023' }], amu: [] });
    for (const communityCode of ['EU', 'UMA', ' ', 'a'.repeat(200)]) {
      const refused = (await ask('query ($communityCode: String) { regionalActionPlans(communityCode: $communityCode) { key } }', { communityCode })).body;
      expect(refused.data).toBeNull();
      expect(refused.errors![0]!.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'communityCode' });
      expect(refused.errors![0]!.message.length).toBeLessThan(200);
      for (const pattern of LEAK_PATTERNS) expect(refused.errors![0]!.message).not.toMatch(pattern);
    }
    const unknown = (await ask('{ regionalActionPlans(communityCode: "EU") { key } }')).body;
    expect(unknown.errors![0]!.message).toMatch(/^communityCode must be the code of a regional economic community, one of AMU, CEN-SAD, .*SADC; got "EU"\.$/);
  });

  it("gives a state its communities through _entities, as the gateway asks for Country.regionalCommunities (none for a state outside Africa's RECs)", async () => {
    const { body } = await ask(`query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { code regionalCommunities { code } } } }`, {
      representations: [
        { __typename: 'Country', code: 'KE' },
        { __typename: 'Country', code: 'BF' },
        { __typename: 'Country', code: 'SE' },
        { __typename: 'Country', code: 'CD' },
      ],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([
      { code: 'KE', regionalCommunities: [{ code: 'CEN-SAD' }, { code: 'COMESA' }, { code: 'EAC' }, { code: 'IGAD' }] },
      // Left ECOWAS on 29 January 2025: still in CEN-SAD.
      { code: 'BF', regionalCommunities: [{ code: 'CEN-SAD' }] },
      { code: 'SE', regionalCommunities: [] },
      { code: 'CD', regionalCommunities: [{ code: 'COMESA' }, { code: 'EAC' }, { code: 'ECCAS' }, { code: 'SADC' }] },
    ]);
  });

  it("is read-only to the service's login: reference data changes only with the data files", async () => {
    const login = await openRoleDataSource(hub!.database.url, regionalEntities, HUB_SERVICE_ROLE);
    try {
      expect(await login.query(`SELECT count(*)::int AS n FROM regional_community`)).toEqual([{ n: 8 }]);
      await expect(login.query(`INSERT INTO regional_community_member (community_code, country_code) VALUES ('ECOWAS', 'ML')`)).rejects.toThrow(/permission denied/);
      await expect(login.query(`UPDATE regional_action_plan SET verified = false`)).rejects.toThrow(/permission denied/);
      await expect(login.query(`DELETE FROM regional_community_change`)).rejects.toThrow(/permission denied/);
      await expect(login.query(`TRUNCATE regional_community CASCADE`)).rejects.toThrow(/permission denied/);
    } finally {
      await login.destroy();
    }
  });
});
