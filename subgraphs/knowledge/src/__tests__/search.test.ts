import { startKnowledgeHarness, type KnowledgeHarness } from './knowledge-harness.js';

const SEARCH = /* GraphQL */ `
  query ($query: String!, $filter: KnowledgeSearchFilter, $first: Int, $after: String) {
    search(query: $query, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        rank
        matchedBy
        snippet
        cursor
        node {
          __typename
          ... on GoodPractice { id title themes pillars frameworks year isDemo countries { code } }
          ... on LearningSession { id title themes startsAtUtc }
          ... on Resource { id title themes year frameworks countries { code } }
        }
      }
    }
  }
`;

interface Edge {
  rank: number;
  matchedBy: 'FULL_TEXT' | 'FUZZY';
  snippet: string;
  cursor: string;
  node: { __typename: string; id: string; title: string; themes: string[]; pillars?: string[]; frameworks?: string[]; year?: number | null; countries?: { code: string }[] };
}

const FINANCING_PRACTICES = ['NAP lines in the national budget', 'WPS basket funds', 'Costing and budgeting manual', 'Elsie Initiative Fund'];

describe('searching the knowledge exchange', () => {
  let hub: KnowledgeHarness;

  beforeAll(async () => {
    hub = await startKnowledgeHarness('knowsearch');
  });
  afterAll(() => hub?.close());

  const search = async (query: string, extra: { filter?: Record<string, unknown>; first?: number; after?: string } = {}) => {
    const { status, body } = await hub.ask(SEARCH, { query, ...extra });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data!.search as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Edge[] };
  };
  const titles = (edges: Edge[]) => edges.map((edge) => edge.node.title);

  it('"financing" returns the four practices themed FINANCING within its first five results', async () => {
    const result = await search('financing', { first: 5 });
    expect(result.edges).toHaveLength(5);
    expect(titles(result.edges)).toEqual(expect.arrayContaining(FINANCING_PRACTICES));
    for (const edge of result.edges.filter((candidate) => FINANCING_PRACTICES.includes(candidate.node.title))) {
      expect(edge.node.__typename).toBe('GoodPractice');
      expect(edge.node.themes).toContain('FINANCING');
      expect(edge.matchedBy).toBe('FULL_TEXT');
    }
  });

  it('"finacing" (a typo) still finds practices themed FINANCING, as typo matches', async () => {
    const result = await search('finacing');
    const found = result.edges.filter((edge) => FINANCING_PRACTICES.includes(edge.node.title));
    expect(found.length).toBeGreaterThanOrEqual(1);
    for (const edge of result.edges) expect(edge.matchedBy).toBe('FUZZY');
    // The snippet marks the word the typo was taken for.
    expect(found[0]!.snippet).toMatch(/<mark>financing<\/mark>/i);
  });

  it('"parliament" ranks "Parliamentary WPS group and annual progress report" first', async () => {
    const result = await search('parliament');
    expect(result.edges[0]!.node.title).toBe('Parliamentary WPS group and annual progress report');
    expect(result.edges[0]!.rank).toBeGreaterThan(result.edges[1]!.rank);
  });

  it('finds themes and tags as words: "monitoring evaluation" finds items themed MONITORING_EVALUATION, "osce" finds items tagged with the OSCE framework', async () => {
    const monitoring = await search('monitoring evaluation', { first: 50 });
    expect(monitoring.edges.length).toBeGreaterThan(5);
    expect(titles(monitoring.edges)).toContain('Mid-term review for course correction');
    const osce = await search('osce', { first: 50 });
    expect(titles(osce.edges)).toContain('OSCE Study on National Action Plans on the Implementation of UNSCR 1325');
    expect(osce.edges.some((edge) => edge.node.frameworks?.includes('OSCE') && !edge.node.title.includes('OSCE'))).toBe(true);
  });

  it('highlights the matched words in the snippet, HTML-escaped, prefixes included ("parliament" marks "Parliamentary")', async () => {
    const basket = await search('basket');
    expect(titles(basket.edges)).toEqual(['WPS basket funds']);
    expect(basket.edges[0]!.snippet).toContain('<mark>basket</mark>');
    const parliament = await search('parliament');
    expect(parliament.edges[0]!.snippet).toContain('<mark>Parliamentary</mark>');
    // Women's → Women&#39;s: the snippet is safe to put into HTML as it is.
    const elsie = (await search('elsie')).edges[0]!;
    expect(elsie.snippet).toContain('women&#39;s');
    expect(elsie.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('ranks best first and puts real items before generated demo items of the same relevance', async () => {
    const result = await search('financing', { first: 50 });
    const ranks = result.edges.map((edge) => edge.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const { body } = await hub.ask(`{ goodPractices(theme: FINANCING) { title isDemo } }`);
    const demoFinancing = (body.data!.goodPractices as { title: string; isDemo: boolean }[]).filter((practice) => practice.isDemo).map((practice) => practice.title);
    expect(demoFinancing.length).toBeGreaterThanOrEqual(5);
    const lastReal = Math.max(...FINANCING_PRACTICES.map((title) => titles(result.edges).indexOf(title)));
    for (const title of demoFinancing) expect(titles(result.edges).indexOf(title)).toBeGreaterThan(lastReal);
  });

  it('filters by theme, country, framework, pillar, year and kind', async () => {
    const byTheme = await search('plan', { filter: { theme: 'FINANCING' }, first: 50 });
    expect(byTheme.edges.length).toBeGreaterThan(0);
    for (const edge of byTheme.edges) expect(edge.node.themes).toContain('FINANCING');

    const byCountry = await search('women', { filter: { countryCode: 'ug' }, first: 50 });
    expect(byCountry.edges.length).toBeGreaterThan(0);
    for (const edge of byCountry.edges) expect(edge.node.countries?.map((country) => country.code) ?? ['(none)']).toContain('UG');

    const byFramework = await search('women', { filter: { framework: 'EU_GAP_III' }, first: 50 });
    expect(byFramework.edges.length).toBeGreaterThan(0);
    for (const edge of byFramework.edges) expect(edge.node.frameworks).toContain('EU_GAP_III');

    const byPillar = await search('women', { filter: { pillar: 'PROTECTION', kinds: ['GOOD_PRACTICE'] }, first: 50 });
    expect(byPillar.edges.length).toBeGreaterThan(0);
    for (const edge of byPillar.edges) {
      expect(edge.node.__typename).toBe('GoodPractice');
      expect(edge.node.pillars).toContain('PROTECTION');
    }

    const byYear = await search('national action plans', { filter: { year: 2014 } });
    expect(titles(byYear.edges)).toEqual(['OSCE Study on National Action Plans on the Implementation of UNSCR 1325']);

    const sessionsOnly = await search('monitoring', { filter: { kinds: ['LEARNING_SESSION'] }, first: 50 });
    expect(sessionsOnly.edges.length).toBeGreaterThan(0);
    for (const edge of sessionsOnly.edges) expect(edge.node.__typename).toBe('LearningSession');
  });

  it('pages with first/after without duplicates or gaps, and the cursor works only with its own search', async () => {
    const all = await search('plan', { first: 50 });
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.totalCount).toBeGreaterThan(12);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await search('plan', { first: 5, after });
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.edges.map((edge) => `${edge.node.__typename}:${edge.node.id}`));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(5);
      after = page.pageInfo.endCursor!;
    }
    expect(pages).toBe(Math.ceil(all.totalCount / 5));
    expect(seen).toEqual(all.edges.map((edge) => `${edge.node.__typename}:${edge.node.id}`));
    expect(new Set(seen).size).toBe(seen.length);

    const { body } = await hub.ask(SEARCH, { query: 'budget', after: all.edges[3]!.cursor });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const garbage = await hub.ask(SEARCH, { query: 'plan', after: 'not-a-cursor' });
    expect(garbage.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never returns a draft, and refuses an empty query or a page size out of range', async () => {
    await hub.dataSource.query(
      `INSERT INTO good_practice (id, title, summary, themes, source, status, proposed_by) VALUES ('hidden-draft-xyz', 'Zanzibar financing draft', 'A draft nobody may find yet through search.', '{FINANCING}', 'test', 'DRAFT', 'someone')`,
    );
    expect((await search('zanzibar')).edges).toEqual([]);
    for (const [variables, field] of [
      [{ query: '  !! ' }, 'query'],
      [{ query: 'plan', first: 0 }, 'first'],
      [{ query: 'plan', first: 51 }, 'first'],
    ] as const) {
      const { body } = await hub.ask(SEARCH, variables);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
