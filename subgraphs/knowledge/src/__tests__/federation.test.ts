import path from 'node:path';
import { loadKnowledge } from '@wps/data';
import type { SubgraphServer } from '@wps/kit';
import { closeTestSubgraph, committedSubgraphSdl, openTestSubgraphDatabase, postGraphQL, servedSubgraphSdl, silentLogger as logger, type TestDatabase } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { knowledgeEntities } from '../entities.js';
import { knowledgeMigrations } from '../migrations/index.js';
import { seedKnowledgeData } from '../seed/knowledge-data.js';
import { createKnowledgeServer } from '../server.js';


describe('the knowledge subgraph, asked directly', () => {
  let database: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  let server: SubgraphServer | undefined;
  let url: string;

  beforeAll(async () => {
    ({ database, dataSource } = await openTestSubgraphDatabase('knowledge', knowledgeEntities, knowledgeMigrations));
    await seedKnowledgeData(dataSource);
    server = await createKnowledgeServer({ dataSource, logger });
    url = await server.listen(0);
  });

  afterAll(() => closeTestSubgraph({ server, dataSource, database }));

  const ask = (query: string, variables: Record<string, unknown> = {}) => postGraphQL(url, query, variables);
  const titles = (practices: { title: string }[]) => practices.map((practice) => practice.title);
  const allRows = async () => ({
    sessions: await dataSource!.query('SELECT * FROM learning_session ORDER BY id'),
    practices: await dataSource!.query('SELECT * FROM good_practice ORDER BY id'),
  });

  it('serves in _service.sdl the schema of the committed file subgraphs/knowledge/schema.graphql (minus its header)', async () => {
    expect(await servedSubgraphSdl(url)).toBe(committedSubgraphSdl(path.resolve(__dirname, '..', '..')));
  });

  it('resolves GoodPractice, LearningSession and Country entities, and null for unknown ids', async () => {
    const { status, body } = await ask(
      `query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          __typename
          ... on GoodPractice { id title themes }
          ... on LearningSession { id kind startsAt }
          ... on Country { code goodPractices { title } }
        }
      }`,
      {
        representations: [
          { __typename: 'GoodPractice', id: 'wps-basket-funds' },
          { __typename: 'LearningSession', id: 'fpn-technical-learning-2022-11-08' },
          { __typename: 'Country', code: 'SE' },
          { __typename: 'GoodPractice', id: 'no-such-practice' },
          { __typename: 'LearningSession', id: 'no-such-session' },
        ],
      },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const [practice, session, sweden, missingPractice, missingSession] = body.data!._entities;
    expect(practice).toEqual({ __typename: 'GoodPractice', id: 'wps-basket-funds', title: 'WPS basket funds', themes: ['FINANCING'] });
    expect(session).toEqual({ __typename: 'LearningSession', id: 'fpn-technical-learning-2022-11-08', kind: 'WEBINAR', startsAt: '2022-11-08T08:30:00-05:00' });
    expect(sweden.__typename).toBe('Country');
    expect(sweden.code).toBe('SE');
    expect(titles(sweden.goodPractices)).toContain('Gender coach programme');
    expect(missingPractice).toBeNull();
    expect(missingSession).toBeNull();
  });

  it('gives a country only the practices tied to it', async () => {
    const { body } = await ask(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { code goodPractices { title } } } }`,
      { representations: [{ __typename: 'Country', code: 'SE' }, { __typename: 'Country', code: 'GE' }, { __typename: 'Country', code: 'KE' }] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([
      { code: 'SE', goodPractices: [{ title: 'Gender coach programme' }] },
      { code: 'GE', goodPractices: [{ title: 'Municipal localisation plans' }] },
      { code: 'KE', goodPractices: [] },
    ]);
  });

  it('lists exactly the four FINANCING practices for goodPractices(theme: FINANCING)', async () => {
    const { body } = await ask(`{ goodPractices(theme: FINANCING) { title themes } }`);
    expect(body.errors).toBeUndefined();
    const financing = body.data!.goodPractices as { title: string; themes: string[] }[];
    expect(titles(financing).sort()).toEqual(['Costing and budgeting manual', 'Elsie Initiative Fund', 'NAP lines in the national budget', 'WPS basket funds']);
    for (const practice of financing) expect(practice.themes).toContain('FINANCING');
  });

  it('links a practice sourced from a session to that session and gives it the session year (2021); others get neither', async () => {
    const { body } = await ask(`{
      basket: goodPractice(id: "wps-basket-funds") { source year session { id startsAt } }
      coach: goodPractice(id: "gender-coach-programme") { source year session { id } countries { code } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.basket).toEqual({
      source: 'fpn-working-group-2021-06-09',
      year: 2021,
      session: { id: 'fpn-working-group-2021-06-09', startsAt: '2021-06-09' },
    });
    expect(body.data!.coach).toEqual({ source: 'consultations-background-note-3', year: null, session: null, countries: [{ code: 'SE' }] });
  });

  it('seeds idempotently: running seedKnowledgeData again keeps the same rows', async () => {
    const knowledge = loadKnowledge();
    const before = await allRows();
    expect(before.sessions).toHaveLength(knowledge.sessions.length);
    expect(before.practices).toHaveLength(knowledge.goodPractices.length);
    await expect(seedKnowledgeData(dataSource!)).resolves.toEqual({ sessions: knowledge.sessions.length, practices: knowledge.goodPractices.length });
    expect(await allRows()).toEqual(before);
  });
});
