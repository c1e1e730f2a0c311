import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemberRouter } from '../member-router.js';
import type { MemberLimits } from '../member-transport.js';
import { fetchOf, NAP_CONTRACT, silentLogger } from './support/in-memory-members.js';

/** The limits of these tests: small caps, and loopback allowed (the servers are local). */
const LIMITS: MemberLimits = { maxResponseBytes: 64 * 1024, maxRequestBytes: 16 * 1024, endpoints: { allow: new Set(['loopback']) } };

/**
 * The default member transport (memberConnection: an undici pool per member
 * with the deadline, the byte caps and the address policy) against small
 * in-process HTTP servers that fail in each way, so the reasons come from
 * the errors the real transport throws.
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

  async function reasonFrom(endpoint: string, limits: MemberLimits = LIMITS, timeoutMs = 300): Promise<unknown> {
    const router = new MemberRouter({
      directory: { memberFor: (countryCode) => (countryCode === 'NG' ? { countryCode, endpoint, status: 'ACTIVE' } : undefined) },
      contract: NAP_CONTRACT,
      timeoutMs,
      limits,
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

  it('an answer over the byte cap is an invalid response, and the read stops at the cap: an endless body is not buffered', async () => {
    let written = 0;
    let closed = false;
    const endless = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data": {"n": "');
      const chunk = 'x'.repeat(16 * 1024);
      const pump = () => {
        while (!closed && response.write(chunk)) written += chunk.length;
        if (!closed) response.once('drain', pump);
      };
      response.on('close', () => (closed = true));
      pump();
    });
    expect(await reasonFrom(endless)).toBe('invalid_response');
    expect(await waitForClose(() => closed)).toBe(true);
    // The gateway hung up soon after its 64 KiB: the socket buffers hold a few MiB at most, never the endless body.
    expect(written).toBeLessThan(16 * 1024 * 1024);
    // A declared length over the cap is refused before any of the body is read.
    expect(
      await reasonFrom(await serve((_request, response) => response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(1024 * 1024) }).end(' '.repeat(1024 * 1024)))),
    ).toBe('invalid_response');
  });

  it('a body that drips slowly fails at the deadline of the whole request, though every byte comes before the idle timeout', async () => {
    const drip = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    expect(await reasonFrom(drip)).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a redirect is not followed: it is an http_error, and its target is never asked', async () => {
    let targetAsked = false;
    const target = await serve((_request, response) => {
      targetAsked = true;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"n": []}}');
    });
    expect(await reasonFrom(await serve((_request, response) => response.writeHead(302, { location: target }).end()))).toBe('http_error');
    expect(targetAsked).toBe(false);
  });

  it('an endpoint on a refused address is never connected to: loopback without the allowance, link-local and unspecified always', async () => {
    let asked = false;
    const local = await serve((_request, response) => {
      asked = true;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"n": []}}');
    });
    const publicOnly: MemberLimits = { ...LIMITS, endpoints: { allow: new Set() } };
    // A deadline long enough that only a refusal explains a quick `unreachable` (a name lookup may be slow on a loaded machine).
    const refusedOf = (endpoint: string, limits = LIMITS) => reasonFrom(endpoint, limits, 5_000);
    expect(await refusedOf(local, publicOnly)).toBe('unreachable');
    // By name too: "localhost" resolves to loopback, checked on the resolved address.
    expect(await refusedOf(local.replace('127.0.0.1', 'localhost'), publicOnly)).toBe('unreachable');
    expect(asked).toBe(false);
    expect(await refusedOf('http://169.254.169.254/latest/meta-data/')).toBe('unreachable');
    expect(await refusedOf(local.replace('127.0.0.1', '0.0.0.0'))).toBe('unreachable');
    expect(asked).toBe(false);
  });

  it('a request larger than the members accept is refused before it is sent, as the client\'s BAD_USER_INPUT', async () => {
    let asked = false;
    const endpoint = await serve((_request, response) => {
      asked = true;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"data": {"n": []}}');
    });
    const router = new MemberRouter({
      directory: { memberFor: (countryCode) => (countryCode === 'NG' ? { countryCode, endpoint, status: 'ACTIVE' } : undefined) },
      contract: NAP_CONTRACT,
      timeoutMs: 300,
      limits: LIMITS,
      logger: silentLogger,
    });
    const query = `query ($title: String!) { n: actionPlans(countryCode: "NG", search: $title) { id } }`;
    await expect(router.process(fetchOf(query, { title: 'x'.repeat(20 * 1024) }))).rejects.toMatchObject({
      message: expect.stringContaining('too large for the member states'),
      extensions: { code: 'BAD_USER_INPUT', country: 'NG' },
    });
    expect(asked).toBe(false);
    // The same member still answers a request of ordinary size.
    expect((await router.process(fetchOf(query, { title: 'x' }))).data).toEqual({ n: [] });
  });
});

/** Poll until `condition` holds (at most 5 s). */
async function waitForClose(condition: () => boolean): Promise<boolean> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}
