import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createSubgraphServer, createTokenIssuer, createTokenVerifier, decodeTokenClaims, ensureDevKeys, memberAudience, requireRole, Role, signDevToken, type Principal, type SubgraphServer, type TokenIssuer, type TokenVerifier } from '@wps/kit';
import { parse } from 'graphql';
import { loadGatewayConfig } from '../config.js';
import { contractChecks } from '../gateway-metrics.js';
import { MemberRouter } from '../member-router.js';
import { createGatewayServer, type GatewayServer } from '../server.js';
import { NAP_CONTRACT_SDL, napMemberSchema, silentLogger } from './support/in-memory-members.js';

/**
 * createGatewayServer in-process: a real ApolloGateway over the committed
 * supergraph, with its MemberRouter and registry, in front of small
 * in-process HTTP servers (no process is spawned): NAP members serving the
 * committed contract from memory, and a registry serving the committed
 * regional schema over an in-memory member list the test changes as an
 * admin would.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const REGIONAL_SDL = readFileSync(path.join(REPO_ROOT, 'subgraphs', 'regional', 'schema.graphql'), 'utf8');
const COUNTRIES = ['GH', 'KE', 'NG', 'UG'];

/** A URL where nothing listens (a port just freed). */
async function nothingListening(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}

interface RegisteredMember {
  countryCode: string;
  endpoint: string;
  status: 'ACTIVE' | 'QUARANTINED' | 'OFFLINE';
  revision: number;
}

/** The registry's side: its members, and every check the gateway recorded. */
class InMemoryRegistry {
  readonly members = new Map<string, RegisteredMember>();
  readonly recorded: { countryCode: string; revision: number | null; passed: boolean }[] = [];
  private revisions = 0;

  /** What an admin's register or re-point does: a new revision. */
  point(countryCode: string, endpoint: string): void {
    this.members.set(countryCode, { countryCode, endpoint, status: 'ACTIVE', revision: ++this.revisions });
  }

  /** What an admin's removal does. */
  remove(countryCode: string): void {
    this.members.delete(countryCode);
  }

  schema() {
    const hubOnly = (principal: Principal) => requireRole(principal, [Role.HUB_SERVICE, Role.HUB_ADMIN], 'read the registry internals');
    return buildSubgraphSchema({
      typeDefs: parse(REGIONAL_SDL),
      resolvers: {
        Query: {
          countries: () => COUNTRIES.map((code) => ({ code })),
          country: (_: unknown, args: { code: string }) => (COUNTRIES.includes(args.code) ? { code: args.code } : null),
          members: () => [...this.members.values()],
        },
        Mutation: {
          recordMemberCheck: (_: unknown, args: { countryCode: string; input: { passed: boolean; revision?: number | null } }, context: { principal: Principal }) => {
            requireRole(context.principal, [Role.HUB_SERVICE], 'record contract checks');
            const member = this.members.get(args.countryCode)!;
            this.recorded.push({ countryCode: args.countryCode, revision: args.input.revision ?? null, passed: args.input.passed });
            if (args.input.revision === member.revision && member.status !== 'OFFLINE') member.status = args.input.passed ? 'ACTIVE' : 'QUARANTINED';
            return member;
          },
        },
        Country: {
          __resolveReference: (reference: { code: string }) => ({ code: reference.code }),
          name: (country: { code: string }) => country.code,
          memberStatus: (country: { code: string }) => this.members.get(country.code)?.status ?? 'NOT_CONNECTED',
        },
        Member: {
          endpoint: (member: RegisteredMember, _: unknown, context: { principal: Principal }) => (hubOnly(context.principal), member.endpoint),
          revision: (member: RegisteredMember, _: unknown, context: { principal: Principal }) => (hubOnly(context.principal), member.revision),
          country: (member: RegisteredMember) => ({ code: member.countryCode }),
        },
      } as never,
    });
  }
}

/** What a member received: the `authorization` header of each request, and how often it was probed for its schema. */
interface MemberLog {
  authorizations: (string | undefined)[];
  probes: number;
}

describe('createGatewayServer, in-process over the committed supergraph', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'wps-gateway-test-'));
  const servers: SubgraphServer[] = [];
  const logs = new Map<string, MemberLog>();
  const registry = new InMemoryRegistry();
  let verifier: TokenVerifier;
  let keys: { jwksFile: string; privateKeyFile: string };
  let gateway: GatewayServer;
  let url: string;
  let alteredUrl: string;
  const memberUrls = new Map<string, string>();
  const processSpy = jest.spyOn(MemberRouter.prototype, 'process');

  let issuer: TokenIssuer;
  /** A NAP member of `country` serving `schema` in-process (accepting only tokens for its audience), logging what it receives under `name`. */
  async function startMember(name: string, schema: ReturnType<typeof napMemberSchema>, country: string): Promise<string> {
    const log: MemberLog = { authorizations: [], probes: 0 };
    logs.set(name, log);
    const server = await createSubgraphServer({
      name,
      schema,
      logger: silentLogger,
      verifier: createTokenVerifier({ jwksFile: keys.jwksFile, issuer: 'wps-federation-hub', audience: memberAudience(country) }),
      context: async ({ request, principal }) => {
        const query = (request.body as { query?: string }).query ?? '';
        if (query.includes('_service')) log.probes += 1;
        else log.authorizations.push(request.headers.authorization);
        return { principal };
      },
    });
    servers.push(server);
    return server.listen(0);
  }

  const post = async (body: unknown, token?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: Record<string, any> | null; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] } };
  };
  const tokenOf = (subject: string, roles: Role[], country?: string) => signDevToken(keys.privateKeyFile, { subject, roles, country });
  const AU_COUNTRIES = /* GraphQL */ `{ countries(framework: AU_CRF) { code memberStatus currentActionPlan { title } } }`;

  beforeAll(async () => {
    keys = await ensureDevKeys(path.join(folder, 'keys'));
    verifier = createTokenVerifier({ jwksFile: keys.jwksFile, issuer: 'wps-federation-hub', audience: 'wps-federation-hub' });
    for (const country of ['KE', 'NG']) memberUrls.set(country, await startMember(`nap-${country.toLowerCase()}`, napMemberSchema(country), country));
    // Uganda's subgraph lost a field of the contract.
    alteredUrl = await startMember('altered-ug', buildSubgraphSchema(parse(NAP_CONTRACT_SDL.replace(/\n {2}"""1 for the first plan, 2 for the second, …"""\n {2}iteration: Int!\n/, '\n'))), 'UG');

    const regional = await createSubgraphServer({ name: 'registry', schema: registry.schema(), logger: silentLogger, verifier, context: async ({ principal }) => ({ principal }) });
    servers.push(regional);
    const regionalUrl = await regional.listen(0);
    registry.point('KE', memberUrls.get('KE')!);
    registry.point('NG', memberUrls.get('NG')!);
    // Ghana is registered, but nothing answers there: its contract check cannot read its schema, so it is never routed to.
    registry.point('GH', await nothingListening());

    // The identity provider: the gateway's service credential and its members' tokens (token exchange).
    const secretFile = path.join(folder, 'gateway.client-secret');
    writeFileSync(secretFile, 'test-secret');
    issuer = await createTokenIssuer({
      privateKeyFile: keys.privateKeyFile,
      subjectTokens: { jwksFile: keys.jwksFile, issuer: 'wps-federation-hub', audience: 'wps-federation-hub' },
      clients: [{ id: 'gateway', secret: 'test-secret', subject: 'service:gateway' }],
      serviceTokenLifetimeS: 900,
      memberTokenLifetimeS: 300,
      logger: silentLogger,
    });
    const config = loadGatewayConfig({
      PORT: '0',
      SUBGRAPH_URLS: `regional=${regionalUrl},knowledge=${await nothingListening()}`,
      AUTH_JWKS_FILE: keys.jwksFile,
      AUTH_TOKEN_URL: await issuer.listen(0),
      AUTH_CLIENT_SECRET_FILE: secretFile,
      // The test refreshes the registry itself: no interval, no re-check by age, during the test.
      REGISTRY_REFRESH_MS: '3600000',
      CONTRACT_CHECK_INTERVAL_MS: '3600000',
      MEMBER_TIMEOUT_MS: '2000',
      MAX_BODY_BYTES: '4096',
      MEMBER_ENDPOINTS_ALLOW: 'loopback',
      LOG_LEVEL: 'silent',
    });
    gateway = await createGatewayServer(config, silentLogger);
    url = await gateway.listen(0);
  });

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(servers.map((server) => server.stop()));
    await issuer?.stop();
    processSpy.mockRestore();
    rmSync(folder, { recursive: true, force: true });
  });

  it("answers a cross-country query from every member's own subgraph, and names the one whose contract check could not reach it, which is not routed to", async () => {
    const { status, body } = await post({ query: AU_COUNTRIES });
    expect(status).toBe(200);
    const byCode = new Map(body.data!.countries.map((country: { code: string }) => [country.code, country]));
    expect(byCode.get('KE')).toEqual({ code: 'KE', memberStatus: 'ACTIVE', currentActionPlan: { title: 'KE plan I' } });
    expect(byCode.get('NG')).toEqual({ code: 'NG', memberStatus: 'ACTIVE', currentActionPlan: { title: 'NG plan I' } });
    expect(byCode.get('UG')).toEqual({ code: 'UG', memberStatus: 'NOT_CONNECTED', currentActionPlan: null });
    expect(byCode.get('GH')).toMatchObject({ code: 'GH', currentActionPlan: null });
    expect(body.errors).toEqual([
      {
        message: 'The NAP subgraph of GH is quarantined (it serves a different NAP contract); its data is missing from this response.',
        path: ['countries', COUNTRIES.indexOf('GH')],
        extensions: { code: 'MEMBER_UNAVAILABLE', country: 'GH', reason: 'quarantined' },
      },
    ]);
  });

  it("hands the MemberRouter each fetch's parsed document, so it never parses one again", async () => {
    await post({ query: AU_COUNTRIES });
    const fetches = processSpy.mock.calls.map(([options]) => options).filter((options) => options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION);
    expect(fetches.length).toBeGreaterThan(0);
    for (const options of fetches) expect('document' in options && options.document?.kind).toBe('Document');
  });

  it("sends a token, minted for that member alone, only to the member of a focal point's own country, and refuses a cross-country write", async () => {
    for (const log of logs.values()) log.authorizations.length = 0;
    const kenyanFocalPoint = await tokenOf('focal-point:KE', [Role.FOCAL_POINT], 'KE');
    expect((await post({ query: AU_COUNTRIES }, kenyanFocalPoint)).body.data!.countries).toHaveLength(COUNTRIES.length);
    const [sent] = logs.get('nap-ke')!.authorizations;
    expect(logs.get('nap-ke')!.authorizations).toHaveLength(1);
    expect(sent).not.toBe(`Bearer ${kenyanFocalPoint}`);
    expect(decodeTokenClaims(sent!)).toMatchObject({ aud: 'nap:KE', sub: 'focal-point:KE', roles: [Role.FOCAL_POINT], country: 'KE', act: { sub: 'service:gateway' } });
    expect(logs.get('nap-ng')!.authorizations).toEqual([undefined]);

    const analyst = await tokenOf('analyst', [Role.REGIONAL_ANALYST]);
    await post({ query: AU_COUNTRIES }, analyst);
    expect(logs.get('nap-ke')!.authorizations.at(-1)).toBeUndefined();

    const write = { query: `mutation { createActionPlan(countryCode: "NG", input: { iteration: 2, title: "Not Kenya's to write" }) { id } }` };
    const refused = await post(write, kenyanFocalPoint);
    expect(refused.body.errors!.map((error) => error.extensions)).toEqual([{ code: 'FORBIDDEN', country: 'NG' }]);
    expect(logs.get('nap-ng')!.authorizations).toHaveLength(2);
  });

  it('re-checks a member exactly when the admin changed its revision, never because of its own recorded check', async () => {
    // At start: Kenya and Nigeria were checked and recorded for their revisions; Ghana could not be probed, which fails its check.
    const revisionOf = (country: string) => registry.members.get(country)!.revision;
    expect([...registry.recorded].sort((a, b) => a.countryCode.localeCompare(b.countryCode))).toEqual([
      { countryCode: 'GH', revision: revisionOf('GH'), passed: false },
      { countryCode: 'KE', revision: revisionOf('KE'), passed: true },
      { countryCode: 'NG', revision: revisionOf('NG'), passed: true },
    ]);
    expect(logs.get('nap-ke')!.probes).toBe(1);

    // Reading its own verdicts back changes nothing: no checked member is probed again. Ghana is tried again at each
    // refresh, but the same failure is not recorded twice.
    await gateway.registry!.refresh();
    await gateway.registry!.refresh();
    expect(logs.get('nap-ke')!.probes).toBe(1);
    expect(logs.get('nap-ng')!.probes).toBe(1);
    expect(registry.recorded).toHaveLength(3);
    expect(gateway.registry!.memberFor('GH')).toMatchObject({ status: 'QUARANTINED' });

    // The admin re-points Kenya to a subgraph that lost a field: a new revision, checked at the next refresh.
    registry.point('KE', alteredUrl);
    await gateway.registry!.refresh();
    expect(logs.get('altered-ug')!.probes).toBe(1);
    expect(registry.recorded.at(-1)).toEqual({ countryCode: 'KE', revision: revisionOf('KE'), passed: false });
    expect(gateway.registry!.memberFor('KE')).toMatchObject({ endpoint: alteredUrl, status: 'QUARANTINED' });
    const quarantined = await post({ query: `{ country(code: "KE") { code memberStatus currentActionPlan { title } } }` });
    expect(quarantined.body.data!.country).toEqual({ code: 'KE', memberStatus: 'QUARANTINED', currentActionPlan: null });
    expect(quarantined.body.errors!.map((error) => error.extensions)).toEqual([{ code: 'MEMBER_UNAVAILABLE', country: 'KE', reason: 'quarantined' }]);

    await gateway.registry!.refresh();
    expect(logs.get('altered-ug')!.probes).toBe(1);

    // Back to its own subgraph: a new revision again, checked, ACTIVE.
    registry.point('KE', memberUrls.get('KE')!);
    await gateway.registry!.refresh();
    expect(logs.get('nap-ke')!.probes).toBe(2);
    expect(gateway.registry!.memberFor('KE')).toMatchObject({ status: 'ACTIVE' });
    expect((await post({ query: `{ country(code: "KE") { currentActionPlan { title } } }` })).body).toEqual({ data: { country: { currentActionPlan: { title: 'KE plan I' } } } });
    expect(logs.get('nap-ng')!.probes).toBe(1);
  });

  it('compares each distinct member schema with the contract once: members serving the same SDL share its verdict, and each is still probed', async () => {
    const counts = async () => Object.fromEntries((await contractChecks.get()).values.map((value) => [value.labels.verdict, value.value])) as Record<string, number | undefined>;
    // Two members of a release that added a type (an addition passes), one more of a release that lost a field.
    const added = buildSubgraphSchema(parse(`${NAP_CONTRACT_SDL}\ntype AddedInThisRelease { id: ID! }\n`));
    const [first, second] = [await startMember('added-tz', added, 'TZ'), await startMember('added-rw', added, 'RW')];
    const before = await counts();
    registry.point('TZ', first);
    registry.point('RW', second);
    registry.point('SN', alteredUrl);
    await gateway.registry!.refresh();
    const after = await counts();
    // The added schema is new: computed once, reused once. The altered one was judged when Kenya was re-pointed to it: reused.
    expect((after.computed ?? 0) - (before.computed ?? 0)).toBe(1);
    expect((after.reused ?? 0) - (before.reused ?? 0)).toBe(2);
    expect([logs.get('added-tz')!.probes, logs.get('added-rw')!.probes]).toEqual([1, 1]);
    expect(gateway.registry!.memberFor('TZ')).toMatchObject({ status: 'ACTIVE' });
    expect(gateway.registry!.memberFor('RW')).toMatchObject({ status: 'ACTIVE' });
    expect(gateway.registry!.memberFor('SN')).toMatchObject({ status: 'QUARANTINED' });
    const revisionOf = (country: string) => registry.members.get(country)!.revision;
    expect(registry.recorded.slice(-3).sort((a, b) => a.countryCode.localeCompare(b.countryCode))).toEqual([
      { countryCode: 'RW', revision: revisionOf('RW'), passed: true },
      { countryCode: 'SN', revision: revisionOf('SN'), passed: false },
      { countryCode: 'TZ', revision: revisionOf('TZ'), passed: true },
    ]);
    for (const country of ['TZ', 'RW', 'SN']) registry.remove(country);
    await gateway.registry!.refresh();
    expect(gateway.registry!.memberFor('TZ')).toBeUndefined();
  });

  it('is hardened by the kit: no x-powered-by, the body limit as a GraphQL-shaped 413, malformed JSON as a 400, /health', async () => {
    const health = await fetch(url.replace(/\/graphql$/, '/health'));
    expect(health.headers.get('x-powered-by')).toBeNull();
    expect(await health.json()).toEqual({ status: 'ok', ready: true, members: 3 });

    const tooLarge = await post({ query: `{ __typename }`, variables: { padding: 'x'.repeat(5_000) } });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toEqual({ errors: [{ message: 'The request body is larger than 4096 bytes.', extensions: { code: 'BAD_REQUEST' } }] });
    expect(tooLarge.headers.get('x-powered-by')).toBeNull();

    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('stops once: a second stop resolves, and the port is closed', async () => {
    await gateway.stop();
    await gateway.stop();
    await expect(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).rejects.toThrow();
  });
});
