import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemberRouter } from '../member-router.js';
import { fetchOf, NAP_CONTRACT, silentLogger } from './support/in-memory-members.js';

/**
 * The default member transport (memberDataSource: RemoteGraphQLDataSource
 * with the deadline fetcher) against small in-process HTTP servers that fail
 * in each way, so the reasons come from the errors the real transport throws.
 */
describe('the reasons real transport failures are given', () => {
  const servers: http.Server[] = [];
  const held: http.ServerResponse[] = [];

  /** An HTTP server answering every request with `handler`; its URL. */
  async function serve(handler: http.RequestListener): Promise<string> {
    const server = http.createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  /** A URL where nothing listens (a port just freed). */
  async function nothingListening(): Promise<string> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return `http://127.0.0.1:${port}/graphql`;
  }

  afterAll(async () => {
    for (const response of held) response.destroy();
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function reasonFrom(endpoint: string): Promise<unknown> {
    const router = new MemberRouter({
      directory: { memberFor: (countryCode) => (countryCode === 'NG' ? { countryCode, endpoint, status: 'ACTIVE' } : undefined) },
      contract: NAP_CONTRACT,
      timeoutMs: 300,
      logger: silentLogger,
    });
    const response = await router.process(fetchOf(`{ n: actionPlans(countryCode: "NG") { id } }`));
    expect(response.data).toEqual({ n: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'MEMBER_UNAVAILABLE', country: 'NG' });
    // Whatever the transport saw, the client never sees where the member is.
    expect(response.errors![0]!.message).not.toContain('127.0.0.1');
    return response.errors![0]!.extensions!.reason;
  }

  it('a refused connection is unreachable', async () => {
    expect(await reasonFrom(await nothingListening())).toBe('unreachable');
  });

  it('a member that does not answer within the deadline is a timeout', async () => {
    expect(await reasonFrom(await serve((_request, response) => held.push(response)))).toBe('timeout');
  });

  it('a non-2xx answer is an http_error, whatever its body', async () => {
    expect(await reasonFrom(await serve((_request, response) => response.writeHead(502, { 'content-type': 'text/plain' }).end('upstream down')))).toBe('http_error');
    expect(
      await reasonFrom(await serve((_request, response) => response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'no' }] })))),
    ).toBe('http_error');
  });

  it('a 200 that is not a JSON object, or a connection cut mid-body, is an invalid response or unreachable', async () => {
    expect(await reasonFrom(await serve((_request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end('hello')))).toBe('invalid_response');
    expect(await reasonFrom(await serve((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"data": ')))).toBe('invalid_response');
    expect(
      await reasonFrom(
        await serve((_request, response) => {
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
          response.write('{"data": {');
          setTimeout(() => response.socket?.destroy(), 20);
        }),
      ),
    ).toBe('unreachable');
  });
});
