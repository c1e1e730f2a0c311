import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadMemberships } from '@wps/data';
import { ConfigError, ErrorCode, HubError, Role } from '@wps/kit';
import { committedSubgraphSdl, postGraphQL, servedSubgraphSdl } from '@wps/tests';
import type { DataSource } from 'typeorm';
import { parseRegistrySeed } from '../registry/registry-seed.js';
import { bootstrapMembers, type MemberRegistration, type Registry } from '../registry/registry.service.js';
import { startRegionalHarness, type RegionalHarness } from './regional-harness.js';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const KE: MemberRegistration = { countryCode: 'KE', endpoint: 'http://nap-ke:4000/graphql' };
// As of data/memberships.json (2026-12-01): Gabon and Guinea reinstated, Madagascar and Guinea-Bissau suspended.
const SUSPENDED_AU_MEMBERS = ['BF', 'GW', 'MG', 'ML', 'NE', 'SD'];


/** The body of `type <name> { … }` in an SDL, or undefined. */
function typeBlock(sdl: string, name: string): string | undefined {
  return new RegExp(`\\ntype ${name}\\b[^{]*\\{([^}]*)\\}`).exec(sdl)?.[1];
}

describe('the regional subgraph, asked directly', () => {
  let hub: RegionalHarness | undefined;
  let dataSource: DataSource | undefined;
  let registry: Registry;
  let url: string;

  beforeAll(async () => {
    hub = await startRegionalHarness({ label: 'regional', members: [KE] });
    ({ dataSource, registry, url } = hub);
  });

  afterAll(() => hub?.close());

  const ask = (query: string, variables: Record<string, unknown> = {}) => hub!.ask(query, variables);
  const codes = (countries: { code: string }[]) => countries.map((country) => country.code);
  const registered = async () => ((await dataSource!.query('SELECT country_code FROM member ORDER BY country_code')) as { country_code: string }[]).map((row) => row.country_code);
  const rowCounts = async () => {
    const [row] = (await dataSource!.query('SELECT (SELECT count(*) FROM member)::int AS members, (SELECT count(*) FROM country)::int AS countries')) as { members: number; countries: number }[];
    return row!;
  };

  it('serves in _service.sdl the schema of the committed file subgraphs/regional/schema.graphql (minus its header)', async () => {
    expect(await servedSubgraphSdl(url)).toBe(committedSubgraphSdl(path.resolve(__dirname, '..', '..')));
  });

  it('serves Member.endpoint marked @inaccessible, and the public API schema reads endpoints only through the hub admin\'s Member.adminEndpoint', async () => {
    const { body } = await ask('{ _service { sdl } }');
    const member = typeBlock(body.data!._service.sdl, 'Member');
    expect(member).toBeDefined();
    expect(member).toMatch(/\n\s*endpoint: String! @inaccessible\n/);

    const apiSchema = readFileSync(path.join(REPO_ROOT, 'gateway', 'schema.graphql'), 'utf8');
    const publicMember = typeBlock(apiSchema, 'Member');
    expect(publicMember).toBeDefined();
    expect(publicMember).toContain('countryCode: String!');
    expect(publicMember).not.toMatch(/\n\s*endpoint\b/);
    // The hub admin writes endpoints (RegisterMemberInput) and reads them through Member.adminEndpoint alone, which
    // refuses everyone else (tests/browser/dashboard.test.ts); no other output field carries one through the gateway.
    const outputFields = [...apiSchema.matchAll(/\ntype (\w+)[^{]*\{([^}]*)\}/g)].flatMap(([, name, fields]) =>
      [...fields!.matchAll(/\n\s*(\w*[eE]ndpoint\w*)\s*[:(]/g)].map(([, field]) => `${name}.${field}`),
    );
    expect(outputFields).toEqual(['Member.adminEndpoint']);
    expect(apiSchema).toMatch(/input RegisterMemberInput \{[^}]*\bendpoint: String!/);
  });

  it('resolves Country entities for ISO codes (KE → Kenya) and null for a code that is not one, without an error', async () => {
    const { status, body } = await ask(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { code name alpha3 } } }`,
      {
        representations: [
          { __typename: 'Country', code: 'KE' },
          { __typename: 'Country', code: 'XX' },
          // A real country the hub has no data about still resolves (other subgraphs may name it).
          { __typename: 'Country', code: 'BR' },
          { __typename: 'Country', code: 'ke' },
          { __typename: 'Country' },
        ],
      },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([{ code: 'KE', name: 'Kenya', alpha3: 'KEN' }, null, { code: 'BR', name: 'Brazil', alpha3: 'BRA' }, null, null]);
  });

  it('resolves RegionalFramework entities by code (AU_CRF → "AU CRF") and null for an unknown code', async () => {
    const { body } = await ask(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on RegionalFramework { code shortName organisationCode period { start end } } } }`,
      {
        representations: [
          { __typename: 'RegionalFramework', code: 'AU_CRF' },
          { __typename: 'RegionalFramework', code: 'EU_GAP_III' },
          { __typename: 'RegionalFramework', code: 'NATO' },
        ],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!._entities).toEqual([
      { code: 'AU_CRF', shortName: 'AU CRF', organisationCode: 'AU', period: { start: 2018, end: 2028 } },
      { code: 'EU_GAP_III', shortName: 'EU GAP III', organisationCode: 'EU', period: { start: 2021, end: 2025 } },
      null,
    ]);
  });

  it('lists 55 AU_CRF countries, 27 EU_GAP_III and 57 OSCE: the organisations of data/memberships.json', async () => {
    const { body } = await ask(`{
      au: countries(framework: AU_CRF) { code }
      eu: countries(framework: EU_GAP_III) { code }
      osce: countries(framework: OSCE) { code }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.au).toHaveLength(55);
    expect(body.data!.eu).toHaveLength(27);
    expect(body.data!.osce).toHaveLength(57);
    const memberships = loadMemberships();
    expect(codes(body.data!.au).sort()).toEqual([...memberships.AU.members].sort());
    expect(codes(body.data!.eu).sort()).toEqual([...memberships.EU.members].sort());
    expect(codes(body.data!.osce).sort()).toEqual([...memberships.OSCE.members].sort());
  });

  it('gives the suspended AU members (BF, GW, MG, ML, NE, SD) membership status SUSPENDED, and the others ACTIVE', async () => {
    const { body } = await ask(`{
      suspended: framework(code: AU_CRF) { members(status: SUSPENDED) { code } }
      countries(framework: AU_CRF) { code memberships { status framework { code } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(codes(body.data!.suspended.members)).toEqual(SUSPENDED_AU_MEMBERS);
    const countries = body.data!.countries as { code: string; memberships: { status: string; framework: { code: string } }[] }[];
    for (const country of countries) {
      const au = country.memberships.filter((membership) => membership.framework.code === 'AU_CRF');
      expect({ code: country.code, statuses: au.map((membership) => membership.status) }).toEqual({
        code: country.code,
        statuses: [SUSPENDED_AU_MEMBERS.includes(country.code) ? 'SUSPENDED' : 'ACTIVE'],
      });
    }
  });

  it('says memberStatus ACTIVE for the registered KE and NOT_CONNECTED for NG', async () => {
    const { body } = await ask(`{ ke: country(code: "KE") { memberStatus } ng: country(code: "NG") { memberStatus } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ ke: { memberStatus: 'ACTIVE' }, ng: { memberStatus: 'NOT_CONNECTED' } });
  });

  it('filters countries(framework: AU_CRF, memberStatus: ACTIVE) to exactly [KE], and NOT_CONNECTED to the other 54', async () => {
    const { body } = await ask(`{
      active: countries(framework: AU_CRF, memberStatus: ACTIVE) { code }
      notConnected: countries(framework: AU_CRF, memberStatus: NOT_CONNECTED) { code }
      europe: countries(framework: EU_GAP_III, memberStatus: ACTIVE) { code }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.active).toEqual([{ code: 'KE' }]);
    expect(body.data!.notConnected).toHaveLength(54);
    expect(codes(body.data!.notConnected)).not.toContain('KE');
    expect(body.data!.europe).toEqual([]);
  });

  it('names a country in French: name(locale: FR) of DE is "Allemagne"', async () => {
    const { body } = await ask(`{ country(code: "DE") { en: name fr: name(locale: FR) } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.country).toEqual({ en: 'Germany', fr: 'Allemagne' });
  });

  it('removes members not listed when bootstrapping with exclusive=true, and keeps them without it', async () => {
    const NG: MemberRegistration = { countryCode: 'NG', endpoint: 'http://nap-ng:4000/graphql' };
    try {
      await bootstrapMembers(registry, [NG], false);
      expect(await registered()).toEqual(['KE', 'NG']);
      await bootstrapMembers(registry, [{ countryCode: 'KE', endpoint: 'http://nap-ke-2:4000/graphql' }], true);
      expect(await registered()).toEqual(['KE']);
      expect(await dataSource!.query('SELECT endpoint, status FROM member')).toEqual([{ endpoint: 'http://nap-ke-2:4000/graphql', status: 'ACTIVE' }]);
      const { body } = await ask(`{ ng: country(code: "NG") { memberStatus } members { countryCode status } }`);
      expect(body.data).toEqual({ ng: { memberStatus: 'NOT_CONNECTED' }, members: [{ countryCode: 'KE', status: 'ACTIVE' }] });
    } finally {
      await bootstrapMembers(registry, [KE], true);
    }
  });

  it("keeps member endpoints and contract checks to the hub's own services when asked directly, past the gateway", async () => {
    // A server of its own (stopping it closes its DataSource), on the same database.
    const guarded = await hub!.openGuardedServer();
    try {
      const guardedUrl = await guarded.listen(0);
      const as = async (roles: Role[] | null, query: string) =>
        postGraphQL(guardedUrl, query, {}, roles ? { authorization: `Bearer ${await hub!.sign({ subject: 'someone', roles, country: 'KE' })}` } : {});
      const ENDPOINTS = '{ members { countryCode endpoint } }';
      const CHECK = `mutation { recordMemberCheck(countryCode: "KE", input: { passed: false, reason: "forged" }) { status } }`;

      for (const [roles, code] of [[null, 'UNAUTHENTICATED'], [[Role.FOCAL_POINT], 'FORBIDDEN'], [[Role.REGIONAL_ANALYST], 'FORBIDDEN']] as const) {
        const { text, body } = await as(roles && [...roles], ENDPOINTS);
        expect(body.errors!.map((error) => error.extensions.code)).toEqual([code]);
        expect(text).not.toContain(KE.endpoint);
      }
      expect((await as([Role.HUB_SERVICE], ENDPOINTS)).body.data!.members).toEqual([{ countryCode: 'KE', endpoint: KE.endpoint }]);

      // Only the gateway's service credential records contract checks; a hub admin cannot forge one.
      for (const [roles, code] of [[null, 'UNAUTHENTICATED'], [[Role.HUB_ADMIN], 'FORBIDDEN'], [[Role.FOCAL_POINT], 'FORBIDDEN']] as const) {
        const { body } = await as(roles && [...roles], CHECK);
        expect(body.errors!.map((error) => error.extensions.code)).toEqual([code]);
      }
      expect(await dataSource!.query('SELECT status, reason, last_checked_at FROM member')).toEqual([{ status: 'ACTIVE', reason: null, last_checked_at: null }]);
    } finally {
      await guarded.stop();
    }
  });

  it.each([
    ['an endpoint that is not an http(s) URL', { countryCode: 'KE', endpoint: 'ftp://nap-ke/graphql' }, 'endpoint'],
    ['a country that is not an ISO code', { countryCode: 'ZZ', endpoint: 'http://nap-zz:4000/graphql' }, 'countryCode'],
  ])('writes nothing when bootstrap rejects %s, not even the valid entry of the same call', async (_label, invalid, field) => {
    const before = await rowCounts();
    const valid: MemberRegistration = { countryCode: 'GH', endpoint: 'http://nap-gh:4000/graphql' };
    const attempt = bootstrapMembers(registry, [valid, invalid], true);
    await expect(attempt).rejects.toBeInstanceOf(HubError);
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, details: { field } });
    expect(await rowCounts()).toEqual(before);
    expect(await registered()).toEqual(['KE']);
    expect(await dataSource!.query(`SELECT code FROM country WHERE code = 'ZZ'`)).toEqual([]);
    expect(await dataSource!.query('SELECT endpoint FROM member')).toEqual([{ endpoint: KE.endpoint }]);
  });
});

describe('parseRegistrySeed', () => {
  it('parses CODE=URL entries, upper-casing the code', () => {
    expect(parseRegistrySeed(['ke=http://nap-ke:4000/graphql', ' NG = https://nap-ng.example/graphql '])).toEqual([
      { countryCode: 'KE', endpoint: 'http://nap-ke:4000/graphql' },
      { countryCode: 'NG', endpoint: 'https://nap-ng.example/graphql' },
    ]);
  });

  it.each([['KE'], ['=http://nap-ke:4000/graphql'], ['KEN=http://nap-ke:4000/graphql'], ['KE=nap-ke:4000'], ['KE=']])('throws a ConfigError naming REGISTRY_SEED for %j', (entry) => {
    let thrown: unknown;
    try {
      parseRegistrySeed([entry]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe('REGISTRY_SEED');
    expect((thrown as ConfigError).message).toMatch(/^REGISTRY_SEED: /);
  });
});
