import { readFileSync } from 'node:fs';
import path from 'node:path';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { REPO_ROOT, databaseUrl } from '@wps/launcher';
import { LEAK_PATTERNS, postGraphQL, startTestNetwork, testAdminUrl, type TestNetwork } from '@wps/tests';
import { buildSchema, Lexer, parse, Source, TokenKind, validate, type GraphQLError, type ValidationContext } from 'graphql';
import pg from 'pg';

const LIMITS = { MAX_QUERY_DEPTH: 5, MAX_ALIASES: 3, MAX_DIRECTIVES: 2, MAX_QUERY_COST: 60, MAX_TOKENS: 200, MAX_BODY_BYTES: 4096 };
const ALLOWED_ORIGIN = 'https://dashboard.example.org';

/** The public API schema, to compute a query's cost with the same rule the gateway applies. */
const apiSchema = buildSchema(readFileSync(path.join(REPO_ROOT, 'gateway', 'schema.graphql'), 'utf8'));
function costOf(query: string): number {
  let found = Number.NaN;
  validate(apiSchema, parse(query), [
    costLimitRule({ maxCost: 0, exposeLimits: true, propagateOnRejection: false, onReject: [(_context: ValidationContext | null, error: GraphQLError) => (found = Number(/found (\d+(?:\.\d+)?)/.exec(error.message)![1]))] }),
  ]);
  return found;
}

/** Tokens of a document as graphql's parser counts them for `maxTokens`. */
function tokenCount(document: string): number {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/**
 * A document of exactly `tokens` tokens, made of many small operations (each
 * cheap for the cost and depth limits), to send with `operationName: "Q0"`.
 */
function documentOfTokens(tokens: number): string {
  const operations: string[] = [];
  const operation = (index: number, fields = 'code') => `query Q${index} { frameworks { ${fields} } }`;
  while (tokenCount([...operations, operation(operations.length)].join('\n')) <= tokens) operations.push(operation(operations.length));
  let fields = 'code';
  const withLast = () => [...operations.slice(0, -1), operation(operations.length - 1, fields)].join('\n');
  while (tokenCount(withLast()) < tokens) fields += ' code';
  const document = withLast();
  // The parser agrees: `tokens` fit the limit, one fewer does not.
  parse(document, { maxTokens: tokens });
  expect(() => parse(document, { maxTokens: tokens - 1 })).toThrow(/more th/);
  return document;
}

/**
 * Limits at the edge (issue 6): each one just under is accepted, just over
 * is a 4xx with a GraphQL error naming the limit, never a 500.
 */
describe('limits at the edge of the hub', () => {
  let hub: TestNetwork;

  beforeAll(async () => {
    hub = await startTestNetwork({
      label: 'edge',
      members: ['KE'],
      env: { ...Object.fromEntries(Object.entries(LIMITS).map(([name, value]) => [name, String(value)])), CORS_ORIGINS: ALLOWED_ORIGIN, NODE_ENV: 'production' },
    });
  });
  afterAll(() => hub?.stop());

  const ask = (query: string, variables: Record<string, unknown> = {}) => postGraphQL(hub.gatewayUrl, query, variables);
  const expectRejected = async (query: string, pattern: RegExp) => {
    const { status, body } = await ask(query);
    expect(status).toBe(400);
    expect(body.errors![0].message).toMatch(pattern);
  };

  it('limits query depth', async () => {
    expect((await ask('{ countries(framework: AU_CRF) { currentActionPlan { indicators { measurements { period } } } } }')).status).toBe(200);
    await expectRejected('{ countries(framework: AU_CRF) { currentActionPlan { indicators { measurements { history { version } } } } } }', /depth limit of 5 exceeded, found 6/);
  });

  it('limits aliases', async () => {
    expect((await ask('{ a: frameworks { code } b: frameworks { code } c: frameworks { code } }')).status).toBe(200);
    await expectRejected('{ a: frameworks { code } b: frameworks { code } c: frameworks { code } d: frameworks { code } }', /Aliases limit of 3 exceeded, found 4/);
  });

  it('limits directives', async () => {
    expect((await ask('{ frameworks { code @include(if: true) name @skip(if: false) } }')).status).toBe(200);
    await expectRejected('{ frameworks { code @include(if: true) name @skip(if: false) shortName @include(if: true) } }', /Directives limit of 2 exceeded, found 3/);
  });

  it('limits query cost', async () => {
    const under = '{ countries(framework: AU_CRF) { code name memberStatus currentActionPlan { title period { start end } indicators { code title unit isDemo measurements { period value } } } } }';
    const over = under.replace('code title unit isDemo measurements', 'code title unit isDemo kind level measurements');
    expect([costOf(under) <= LIMITS.MAX_QUERY_COST, costOf(over) > LIMITS.MAX_QUERY_COST]).toEqual([true, true]);
    expect((await ask(under)).status).toBe(200);
    await expectRejected(over, /Cost limit of 60 exceeded/);
  });

  it('limits the tokens of a query document', async () => {
    const under = documentOfTokens(LIMITS.MAX_TOKENS);
    const over = documentOfTokens(LIMITS.MAX_TOKENS + 1);
    const send = (document: string) =>
      fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: document, operationName: 'Q0' }) });
    const accepted = await send(under);
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { data: { frameworks: unknown[] } }).data.frameworks.length).toBeGreaterThan(0);
    const refused = await send(over);
    const { status } = refused;
    const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(status).toBe(400);
    expect(body.errors![0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors![0].message).toMatch(/contains more th\w+ 200 tokens/);
  });

  it('limits the request body size with a JSON error, never a 500', async () => {
    const send = (padding: number) =>
      fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ frameworks { code } }', variables: { pad: 'x'.repeat(padding) } }) });
    const frame = JSON.stringify({ query: '{ frameworks { code } }', variables: { pad: '' } }).length;
    expect((await send(LIMITS.MAX_BODY_BYTES - frame)).status).toBe(200);
    const over = await send(LIMITS.MAX_BODY_BYTES - frame + 1);
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({ errors: [{ message: 'The request body is larger than 4096 bytes.', extensions: { code: 'BAD_REQUEST' } }] });
    const malformed = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(malformed.status).toBe(400);
  });

  it('refuses cross-site simple requests, batches and persisted queries', async () => {
    const simple = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ frameworks { code } }' }) });
    expect(simple.status).toBe(400);
    const batch = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ frameworks { code } }' }, { query: '{ frameworks { code } }' }]) });
    expect(batch.status).toBe(400);
    const persisted = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    });
    expect(persisted.status).toBeLessThan(500);
    expect(((await persisted.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('turns introspection and field suggestions off in production', async () => {
    await expectRejected('{ __schema { queryType { name } } }', /introspection/i);
    const { body } = await ask('{ frameworkz { code } }');
    expect(body.errors![0].message).not.toMatch(/did you mean/i);
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(hub.gatewayUrl, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    expect((await preflight(ALLOWED_ORIGIN)).headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it("masks a member's database error: the client sees an internal error and no SQL, table or address", async () => {
    const database = new pg.Client({ connectionString: databaseUrl(testAdminUrl(), hub.network.databases.find((name) => name.endsWith('_nap_ke'))!) });
    await database.connect();
    await database.query('ALTER TABLE progress_report RENAME TO progress_report_hidden');
    try {
      const { status, text, body } = await ask('{ actionPlans(countryCode: "KE") { title reports { title } } }');
      expect(status).toBe(200);
      expect(body.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
      expect(text).not.toMatch(/progress_report|relation|does not exist|SELECT/i);
      for (const pattern of LEAK_PATTERNS) expect(JSON.stringify(body.errors)).not.toMatch(pattern);
    } finally {
      await database.query('ALTER TABLE progress_report_hidden RENAME TO progress_report');
      await database.end();
    }
  });
});
