import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createLogger } from '../logger.js';
import { createSubgraphServer, type SubgraphServer } from '../server.js';

/** The kit's HTTP side, as every subgraph gets it through createSubgraphServer. */
describe('a subgraph server built by the kit', () => {
  let server: SubgraphServer;
  let url: string;
  let stops = 0;

  beforeAll(async () => {
    server = await createSubgraphServer({
      name: 'probe',
      schema: buildSubgraphSchema({ typeDefs: parse('type Query { hello: String }'), resolvers: { Query: { hello: () => 'world' } } }),
      logger: createLogger('test', 'silent'),
      context: async () => ({}),
      bodyLimitBytes: 2_048,
      onStop: async () => {
        stops += 1;
      },
    });
    url = await server.listen(0);
  });

  afterAll(() => server.stop());

  const post = (body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('listens on loopback and returns its GraphQL URL', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
    const response = await post('{"query":"{ hello }"}');
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('marks every answer uncacheable, an error too, and spends no hash on an ETag', async () => {
    const answered = await post('{"query":"{ hello }"}');
    expect([answered.headers.get('cache-control'), answered.headers.get('etag')]).toEqual(['no-store', null]);
    const refused = await post('{"query":"{ nothing }"}');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('answers a body over the limit with a GraphQL-shaped 413, and malformed JSON with a 400', async () => {
    const tooLarge = await post(JSON.stringify({ query: '{ hello }', variables: { padding: 'x'.repeat(3_000) } }));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ errors: [{ message: 'The request body is larger than 2048 bytes.', extensions: { code: 'BAD_REQUEST' } }] });
    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('stops once, however often stop is called, and then refuses connections', async () => {
    await Promise.all([server.stop(), server.stop()]);
    await server.stop();
    expect(stops).toBe(1);
    await expect(post('{"query":"{ hello }"}')).rejects.toThrow();
  });
});
