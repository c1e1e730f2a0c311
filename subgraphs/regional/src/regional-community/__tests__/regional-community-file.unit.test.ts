import 'reflect-metadata';
import { loadRegionalActionPlans, loadRegionalEconomicCommunities, type RegionalActionPlans, type RegionalEconomicCommunities } from '@wps/data';
import countries from 'i18n-iso-countries';
import { readRegionalCommunities } from '../regional-community-file.js';

const AU_RECOGNISED = ['AMU', 'CEN-SAD', 'COMESA', 'EAC', 'ECCAS', 'ECOWAS', 'IGAD', 'SADC'];
const URL = /^https?:\/\/[^\s/]+\.[^\s]+$/;

/** The message readRegionalCommunities throws, split into its faults ('' when it does not throw). */
function faultsOf(file: RegionalEconomicCommunities, plans: RegionalActionPlans): string[] {
  try {
    readRegionalCommunities(file, plans);
    return [];
  } catch (error) {
    const [head, ...faults] = (error as Error).message.split('\n- ');
    expect(head).toBe('the regional communities in data/ are not valid:');
    return faults;
  }
}

describe('the regional economic communities and action plans in data/', () => {
  const file = loadRegionalEconomicCommunities();
  const plans = loadRegionalActionPlans();

  it('lists the eight RECs the AU recognises, once each, with the memberships the sources give', () => {
    const rows = readRegionalCommunities(file, plans);
    expect(rows.communities.map((community) => community.code)).toEqual(AU_RECOGNISED);
    const members = (code: string) => rows.members.filter((member) => member.communityCode === code).map((member) => member.countryCode).sort();
    // Burkina Faso, Mali and Niger left ECOWAS on 29 January 2025; DR Congo and Somalia joined the EAC.
    expect(members('ECOWAS')).toEqual(['BJ', 'CI', 'CV', 'GH', 'GM', 'GN', 'GW', 'LR', 'NG', 'SL', 'SN', 'TG']);
    expect(members('EAC')).toEqual(['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG']);
    expect(rows.changes.filter((change) => change.communityCode === 'ECOWAS').map((change) => `${change.countryCode} ${change.change} ${change.date}`)).toEqual([
      'BF LEFT 2025-01-29',
      'ML LEFT 2025-01-29',
      'NE LEFT 2025-01-29',
    ]);
    expect(rows.changes.find((change) => change.communityCode === 'EAC' && change.countryCode === 'SO')).toMatchObject({ change: 'JOINED', date: '2024-03-04', sourceConflict: expect.stringMatching(/5 March 2024/) });
    // A membership the sources disagree on is marked incomplete, with the reason.
    expect(rows.communities.filter((community) => !community.membersComplete).map((community) => community.code)).toEqual(['CEN-SAD']);
    expect(rows.communities.find((community) => community.code === 'CEN-SAD')!.note).toMatch(/Sources disagree/);
  });

  it('names every member and every changed state by a real ISO 3166-1 alpha-2 code, and gives every community, change and plan a source URL', () => {
    for (const community of file.communities) {
      for (const code of [...community.members, ...community.changes.map((change) => change.iso2)]) expect([community.code, code, countries.isValid(code) && countries.alpha2ToAlpha3(code) !== undefined]).toEqual([community.code, code, true]);
      for (const source of [...community.sources, ...community.changes.flatMap((change) => change.sources)]) expect(source).toMatch(URL);
      expect(community.sources.length).toBeGreaterThan(0);
      for (const change of community.changes) expect(change.sources.length).toBeGreaterThan(0);
    }
    for (const plan of plans.plans) {
      expect(plan.sources.length).toBeGreaterThan(0);
      for (const source of plan.sources) expect(source).toMatch(URL);
    }
    expect(file._about.gathered).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(plans._about.gathered).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps every adoption date at the precision the sources give, and links a plan to its community only when the body is one', () => {
    const rows = readRegionalCommunities(file, plans);
    const plan = (key: string) => rows.plans.find((row) => row.key === key)!;
    expect([plan('ECOWAS-2010').adoptedOn, plan('SADC-2018').adoptedOn, plan('ASEAN-2022').adoptedOn, plan('LAS-2015').adoptedOn]).toEqual(['2010-09-17', '2018', '2022-11', '2015-09-13']);
    expect(rows.plans.filter((row) => row.communityCode !== null).map((row) => row.key)).toEqual(['ECOWAS-2010', 'IGAD-2012', 'IGAD-2023', 'SADC-2018']);
    expect(plan('IGAD-2012').sourceConflict).toMatch(/2013/);
    expect(plan('LAS-2012').verified).toBe(false);
    expect(rows.plans).toHaveLength((plans._about as unknown as { count: number }).count);
  });

  it('refuses a file with faults, listing every one (so a wrong edit stops the service at start instead of being served)', () => {
    const broken = structuredClone(file);
    const ecowas = broken.communities.find((community) => community.code === 'ECOWAS')!;
    ecowas.members.push('XX', 'NG');
    ecowas.sources = [];
    ecowas.changes[0]!.date = '2025-02-30';
    ecowas.changes.push({ iso2: 'GH', change: 'LEFT', date: '2025', sources: ['https://example.org/'] });
    broken.communities.push({ ...structuredClone(broken.communities[0]!) });
    broken.communities.push({ ...structuredClone(broken.communities[0]!), code: 'eac', membersComplete: false });
    const cenSad = broken.communities.find((community) => community.code === 'CEN-SAD')!;
    delete cenSad.note;
    const brokenPlans = structuredClone(plans);
    brokenPlans.plans[0]!.adopted = '2010-9';
    brokenPlans.plans[1]!.sources = ['  '];
    brokenPlans.plans.push({ ...structuredClone(brokenPlans.plans[2]!), communityCode: 'UMA', start: 2024, end: 2020 });
    expect(faultsOf(broken, brokenPlans)).toEqual([
      'regional-economic-communities.json communities[1] (CEN-SAD): a membership that is not complete needs a note saying why',
      'regional-economic-communities.json communities[5] (ECOWAS): sources must list at least one source',
      'regional-economic-communities.json communities[5] (ECOWAS): member "XX" is not an ISO 3166-1 alpha-2 country code',
      'regional-economic-communities.json communities[5] (ECOWAS): member NG is listed twice',
      'regional-economic-communities.json communities[5] (ECOWAS) changes[0] (BF): date "2025-02-30" is not YYYY, YYYY-MM or YYYY-MM-DD',
      'regional-economic-communities.json communities[5] (ECOWAS) changes[3] (GH): the state left but is still listed as a member',
      'regional-economic-communities.json communities[8] (AMU): the community is listed twice',
      'regional-economic-communities.json communities[9] (eac): code must be capital letters (and hyphens), 2 to 10 of them, such as "ECOWAS" or "CEN-SAD"',
      'regional-action-plans.json plans[0] (ECOWAS-2010): adopted "2010-9" is not YYYY, YYYY-MM or YYYY-MM-DD',
      'regional-action-plans.json plans[1] (IGAD-2012): sources must list at least one source',
      'regional-action-plans.json plans[11] (IGAD-2023): the plan is listed twice',
      'regional-action-plans.json plans[11] (IGAD-2023): communityCode "UMA" is not a community of regional-economic-communities.json',
      'regional-action-plans.json plans[11] (IGAD-2023): end 2020 is before start 2024',
    ]);
  });

  it('refuses a file without its _about note', () => {
    const broken = structuredClone(file);
    broken._about = { what: broken._about.what } as RegionalEconomicCommunities['_about'];
    expect(faultsOf(broken, plans)).toEqual(['regional-economic-communities.json: _about.what and _about.gathered are required']);
  });
});
