import path from 'node:path';
import { loadKnowledge } from '@wps/data';
import { committedSubgraphSdl, servedSubgraphSdl } from '@wps/tests';
import { seedDemoKnowledge } from '../seed/demo-knowledge.js';
import { seedKnowledgeData } from '../seed/knowledge-data.js';
import { startKnowledgeHarness, type KnowledgeHarness } from './knowledge-harness.js';

const TODAY = new Date();

describe('the knowledge subgraph, asked directly', () => {
  let hub: KnowledgeHarness;

  beforeAll(async () => {
    hub = await startKnowledgeHarness('knowledge', TODAY);
  });
  afterAll(() => hub?.close());

  const ask = (query: string, variables: Record<string, unknown> = {}) => hub.ask(query, variables);
  const titles = (practices: { title: string }[]) => practices.map((practice) => practice.title);
  const allRows = async () => {
    const rows: Record<string, unknown[]> = {};
    for (const table of ['learning_session', 'good_practice', 'resource', 'focal_point', 'forum_thread', 'forum_post']) {
      rows[table] = await hub.dataSource.query(`SELECT * FROM ${table} ORDER BY id`);
    }
    return rows;
  };

  it('serves in _service.sdl the schema of the committed file subgraphs/knowledge/schema.graphql (minus its header)', async () => {
    expect(await servedSubgraphSdl(hub.url)).toBe(committedSubgraphSdl(path.resolve(__dirname, '..', '..')));
  });

  it('resolves GoodPractice, LearningSession, Resource, ForumThread and Country entities, and null for unknown ids', async () => {
    const [thread] = await hub.dataSource.query(`SELECT id FROM forum_thread WHERE session_id IS NULL LIMIT 1`);
    const { status, body } = await ask(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          __typename
          ... on GoodPractice { id title themes }
          ... on LearningSession { id kind startsAt }
          ... on Resource { id title resourceKind: kind year }
          ... on ForumThread { id title }
          ... on Country { code goodPractices { title } }
        }
      }`,
      {
        representations: [
          { __typename: 'GoodPractice', id: 'wps-basket-funds' },
          { __typename: 'LearningSession', id: 'fpn-technical-learning-2022-11-08' },
          { __typename: 'Resource', id: 'osce-study-on-national-action-plans-on-the-implementation-of-unscr-1325' },
          { __typename: 'ForumThread', id: thread.id },
          { __typename: 'Country', code: 'SE' },
          { __typename: 'GoodPractice', id: 'no-such-practice' },
          { __typename: 'LearningSession', id: 'no-such-session' },
          { __typename: 'Resource', id: 'no-such-resource' },
          { __typename: 'ForumThread', id: 'not-a-uuid' },
        ],
      },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const [practice, session, resource, forumThread, sweden, ...missing] = body.data!._entities;
    expect(practice).toEqual({ __typename: 'GoodPractice', id: 'wps-basket-funds', title: 'WPS basket funds', themes: ['FINANCING'] });
    expect(session).toEqual({ __typename: 'LearningSession', id: 'fpn-technical-learning-2022-11-08', kind: 'WEBINAR', startsAt: '2022-11-08T08:30:00-05:00' });
    expect(resource).toEqual({
      __typename: 'Resource',
      id: 'osce-study-on-national-action-plans-on-the-implementation-of-unscr-1325',
      title: 'OSCE Study on National Action Plans on the Implementation of UNSCR 1325',
      resourceKind: 'STUDY',
      year: 2014,
    });
    expect(forumThread).toEqual({ __typename: 'ForumThread', id: thread.id, title: 'Who has costed their plan with the finance ministry?' });
    expect(sweden.__typename).toBe('Country');
    expect(titles(sweden.goodPractices)).toContain('Gender coach programme');
    expect(missing).toEqual([null, null, null, null]);
  });

  it('gives a country only the practices tied to it: the real ones alone where the data names the state, demo ones for demo members', async () => {
    const { body } = await ask(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { code goodPractices { title isDemo countries { code } } } } }`,
      { representations: [{ __typename: 'Country', code: 'SE' }, { __typename: 'Country', code: 'GE' }, { __typename: 'Country', code: 'KE' }, { __typename: 'Country', code: 'ZW' }] },
    );
    expect(body.errors).toBeUndefined();
    const [sweden, georgia, kenya, zimbabwe] = body.data!._entities;
    expect(sweden).toEqual({ code: 'SE', goodPractices: [{ title: 'Gender coach programme', isDemo: false, countries: [{ code: 'SE' }] }] });
    expect(georgia).toEqual({ code: 'GE', goodPractices: [{ title: 'Municipal localisation plans', isDemo: false, countries: [{ code: 'GE' }] }] });
    expect(titles(kenya.goodPractices).sort()).toEqual(['County budget lines for the action plan', 'Women in county peace committees', "Women's land rights in resettlement programmes"]);
    for (const practice of kenya.goodPractices) expect(practice).toMatchObject({ isDemo: true, countries: [{ code: 'KE' }] });
    expect(zimbabwe).toEqual({ code: 'ZW', goodPractices: [] });
  });

  it('lists the four real FINANCING practices for goodPractices(theme: FINANCING), and demo ones from several states flagged isDemo', async () => {
    const { body } = await ask(`{ goodPractices(theme: FINANCING) { title themes isDemo countries { code } } }`);
    expect(body.errors).toBeUndefined();
    const financing = body.data!.goodPractices as { title: string; themes: string[]; isDemo: boolean; countries: { code: string }[] }[];
    expect(titles(financing.filter((practice) => !practice.isDemo)).sort()).toEqual([
      'Costing and budgeting manual',
      'Elsie Initiative Fund',
      'NAP lines in the national budget',
      'WPS basket funds',
    ]);
    for (const practice of financing) expect(practice.themes).toContain('FINANCING');
    const demoStates = new Set(financing.filter((practice) => practice.isDemo).flatMap((practice) => practice.countries.map((country) => country.code)));
    expect(demoStates.size).toBeGreaterThanOrEqual(5);
  });

  it('links a practice sourced from a session to that session and gives it the session year (2021); others get neither', async () => {
    const { body } = await ask(`{
      basket: goodPractice(id: "wps-basket-funds") { source year status session { id startsAt } }
      coach: goodPractice(id: "gender-coach-programme") { source year session { id } countries { code } }
      municipal: goodPractice(id: "municipal-localisation-plans") { source year session { id } countries { code } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.basket).toEqual({
      source: 'fpn-working-group-2021-06-09',
      year: 2021,
      status: 'PUBLISHED',
      session: { id: 'fpn-working-group-2021-06-09', startsAt: '2021-06-09' },
    });
    expect(body.data!.coach).toEqual({ source: 'instraw-virtual-dialogue-2008', year: 2008, session: { id: 'instraw-virtual-dialogue-2008' }, countries: [{ code: 'SE' }] });
    expect(body.data!.municipal).toEqual({
      source: 'https://www.idpwa.org/post/2019/05/13/localization-of-the-national-action-plans-nap-in-georgia',
      year: null,
      session: null,
      countries: [{ code: 'GE' }],
    });
  });

  it("adds practices from other states to a member's indicator that needs them (_entities with the fields knowledge @requires)", async () => {
    const { body } = await ask(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Indicator { id relatedPractices { title pillars themes countries { code } } } } }`,
      {
        representations: [
          { __typename: 'Indicator', countryCode: 'KE', id: 'off', status: 'OFF_TRACK', title: 'Women among police officers', outcome: { pillar: 'PROTECTION' }, output: null },
          { __typename: 'Indicator', countryCode: 'KE', id: 'output-level', status: 'OFF_TRACK', title: 'Police stations with a gender desk', outcome: null, output: { outcome: { pillar: 'PROTECTION' } } },
          { __typename: 'Indicator', countryCode: 'UG', id: 'nodata', status: 'NO_DATA', title: 'Shelter places for survivors of violence', outcome: null, output: null },
          { __typename: 'Indicator', countryCode: 'KE', id: 'fine', status: 'ON_TRACK', title: 'Women among police officers', outcome: { pillar: 'PROTECTION' }, output: null },
          { __typename: 'Indicator', countryCode: 'KE', id: 'unknown' },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    const [off, outputLevel, noData, fine, unknown] = body.data!._entities;
    expect(off.relatedPractices.length).toBeGreaterThan(0);
    expect(off.relatedPractices.length).toBeLessThanOrEqual(5);
    expect(off.relatedPractices[0].pillars).toContain('PROTECTION');
    expect(outputLevel.relatedPractices).toEqual(off.relatedPractices);
    for (const practice of [...off.relatedPractices, ...noData.relatedPractices]) {
      expect(practice.countries.map((country: { code: string }) => country.code)).not.toContain('KE');
    }
    expect(noData.relatedPractices.length).toBeGreaterThan(0);
    for (const practice of noData.relatedPractices) {
      expect(practice.countries.map((country: { code: string }) => country.code)).not.toContain('UG');
      expect(practice.themes.some((theme: string) => ['MONITORING_EVALUATION', 'INDICATORS', 'REPORTING'].includes(theme))).toBe(true);
    }
    expect(fine.relatedPractices).toEqual([]);
    expect(unknown.relatedPractices).toBeNull();
  });

  it("answers a plan's weak spots with practices from other states: no costed budget gets financing practices", async () => {
    const criteria = (unmet: string[]) =>
      ['INCLUSIVE_DESIGN', 'RESULTS_BASED_MONITORING', 'RESOURCES', 'COORDINATION', 'REPORTING_REGULARITY'].map((criterion) => ({ criterion, met: !unmet.includes(criterion) }));
    const { body } = await ask(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on NationalActionPlan { id
        weakSpotPractices { title themes countries { code } }
        weakSpots { criterion themes practices { title } } } } }`,
      {
        representations: [
          { __typename: 'NationalActionPlan', countryCode: 'KE', id: 'unfunded', assessment: { criteria: criteria(['RESOURCES']) } },
          { __typename: 'NationalActionPlan', countryCode: 'NG', id: 'two', assessment: { criteria: criteria(['RESOURCES', 'REPORTING_REGULARITY']) } },
          { __typename: 'NationalActionPlan', countryCode: 'SE', id: 'fine', assessment: { criteria: criteria([]) } },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    const [unfunded, two, fine] = body.data!._entities;
    expect(unfunded.weakSpotPractices.length).toBeGreaterThanOrEqual(5);
    for (const practice of unfunded.weakSpotPractices) {
      expect(practice.themes).toContain('FINANCING');
      expect(practice.countries.map((country: { code: string }) => country.code)).not.toContain('KE');
    }
    expect(titles(unfunded.weakSpotPractices)).not.toContain('County budget lines for the action plan');
    expect(unfunded.weakSpots).toEqual([{ criterion: 'RESOURCES', themes: ['FINANCING'], practices: expect.any(Array) }]);
    expect(two.weakSpots.map((spot: { criterion: string }) => spot.criterion)).toEqual(['RESOURCES', 'REPORTING_REGULARITY']);
    // Practices that answer both weak spots come first.
    expect(two.weakSpotPractices[0].themes).toEqual(expect.arrayContaining(['FINANCING', 'REPORTING']));
    expect(fine).toMatchObject({ weakSpotPractices: [], weakSpots: [] });
  });

  it('seeds idempotently: running both seeds again on the same day keeps the same rows; real items are never demo', async () => {
    const knowledge = loadKnowledge();
    const before = await allRows();
    const real = (table: string) => (before[table] as { is_demo: boolean }[]).filter((row) => !row.is_demo);
    expect(real('learning_session')).toHaveLength(knowledge.sessions.length);
    expect(real('good_practice')).toHaveLength(knowledge.goodPractices.length);
    expect(real('resource')).toHaveLength(knowledge.resources.length);
    await expect(seedKnowledgeData(hub.dataSource)).resolves.toEqual({
      sessions: knowledge.sessions.length,
      practices: knowledge.goodPractices.length,
      resources: knowledge.resources.length,
    });
    await seedDemoKnowledge(hub.dataSource, TODAY);
    expect(await allRows()).toEqual(before);
  });
});
