import { Role, type Principal } from '@wps/kit';
import { parse, print } from 'graphql';
import { withCheckFields } from '../document-rewriting.js';
import type { RegisteredStatus } from '../member-directory.js';
import { MemberHttpStatusError } from '../member-failure.js';
import { MemberRouter, type MemberRouterOptions } from '../member-router.js';
import {
  BROKEN_PLAN_ID,
  deferred,
  directoryOf,
  executeAgainst,
  executingMember,
  failingMember,
  fetchOf,
  InMemoryMember,
  NAP_CONTRACT,
  napMemberSchema,
  silentLogger,
} from './support/in-memory-members.js';

/**
 * The MemberRouter through its `connect` hook, with in-memory members that
 * execute each request against the NAP contract (or fail as told), so the
 * routing rules of ARCHITECTURE.md section 2 are checked without a network.
 */

const ENTITY_FETCH = /* GraphQL */ `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Country { currentActionPlan { countryCode id title } }
    ... on NationalActionPlan { title }
  }
}`;

const focalPointOf = (country: string): Principal => ({ subject: `focal-point:${country}`, roles: [Role.FOCAL_POINT], country, orgs: [], anonymous: false });
const ANALYST: Principal = { subject: 'analyst', roles: [Role.REGIONAL_ANALYST], country: null, orgs: ['AU'], anonymous: false };

/** A router over in-memory members; `connects` lists each data source it asked `connect` for. */
function routerOver(members: InMemoryMember[], statuses: Record<string, RegisteredStatus> = {}, options: Partial<MemberRouterOptions> = {}) {
  const byCountry = new Map(members.map((member) => [member.countryCode, member]));
  const directory = directoryOf(Object.fromEntries(members.map((member) => [member.countryCode, statuses[member.countryCode] ?? 'ACTIVE'])));
  const connects: string[] = [];
  const router = new MemberRouter({
    directory,
    contract: NAP_CONTRACT,
    timeoutMs: 1_000,
    logger: silentLogger,
    connect: (endpoint, _timeoutMs, countryCode) => {
      connects.push(countryCode);
      expect(endpoint).toBe(directory.endpointOf(countryCode));
      return byCountry.get(countryCode)!;
    },
    ...options,
  });
  return { router, connects };
}

/** An error of the kind Node's fetch throws when nothing listens: a TypeError whose cause has a socket code. */
const connectionRefused = () => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });

describe('the MemberRouter, routing entities', () => {
  it('sends each member only its own representations, in one request, and puts the results back in the original order', async () => {
    const kenya = executingMember('KE');
    const nigeria = executingMember('NG');
    const { router } = routerOver([kenya, nigeria]);
    const representations = [
      { __typename: 'NationalActionPlan', countryCode: 'KE', id: 'KE-1' },
      { __typename: 'Country', code: 'NG' },
      { __typename: 'Country', code: 'KE' },
      { __typename: 'NationalActionPlan', countryCode: 'NG', id: 'NG-1' },
    ];
    const response = await router.process(fetchOf(ENTITY_FETCH, { representations }));

    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      _entities: [
        { title: 'KE plan I' },
        { currentActionPlan: { countryCode: 'NG', id: 'NG-1', title: 'NG plan I' } },
        { currentActionPlan: { countryCode: 'KE', id: 'KE-1', title: 'KE plan I' } },
        { title: 'NG plan I' },
      ],
    });
    expect(kenya.calls.map((call) => call.variables.representations)).toEqual([[representations[0], representations[2]]]);
    expect(nigeria.calls.map((call) => call.variables.representations)).toEqual([[representations[1], representations[3]]]);
    // The planner's query goes to the members with the hub's check fields: only the representations differ.
    expect(kenya.calls[0]!.query).toBe(print(withCheckFields(parse(ENTITY_FETCH), NAP_CONTRACT)));
    expect(nigeria.calls[0]!.query).toBe(kenya.calls[0]!.query);
  });

  it("re-indexes a member's error paths to the whole fetch and tags them with the member's country", async () => {
    const kenya = executingMember('KE');
    const { router } = routerOver([kenya, executingMember('NG')]);
    const representations = [
      { __typename: 'NationalActionPlan', countryCode: 'NG', id: 'NG-1' },
      { __typename: 'NationalActionPlan', countryCode: 'KE', id: 'KE-1' },
      { __typename: 'NationalActionPlan', countryCode: 'NG', id: 'NG-1' },
      { __typename: 'NationalActionPlan', countryCode: 'KE', id: BROKEN_PLAN_ID },
    ];
    const response = await router.process(fetchOf(ENTITY_FETCH, { representations }));

    // Kenya saw the broken plan as its entry 1; in the whole fetch it is entry 3.
    expect(response.errors).toEqual([
      expect.objectContaining({ message: 'The title could not be read.', path: ['_entities', 3, 'title'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', country: 'KE' }) }),
    ]);
    expect(response.data!._entities).toEqual([{ title: 'NG plan I' }, { title: 'KE plan I' }, { title: 'NG plan I' }, null]);
  });

  it('resolves a country without a member to null with no error, and a failing member to null with one MEMBER_UNAVAILABLE at its first entry', async () => {
    const { router } = routerOver([executingMember('KE'), failingMember('NG', connectionRefused)]);
    const representations = [
      { __typename: 'Country', code: 'GH' },
      { __typename: 'Country', code: 'NG' },
      { __typename: 'Country', code: 'KE' },
      { __typename: 'Country', code: 'NG' },
    ];
    const response = await router.process(fetchOf(ENTITY_FETCH, { representations }));

    expect(response.data!._entities).toEqual([null, null, { currentActionPlan: { countryCode: 'KE', id: 'KE-1', title: 'KE plan I' } }, null]);
    expect(response.errors).toEqual([
      {
        message: 'The NAP subgraph of NG could not be reached; its data is missing from this response.',
        path: ['_entities', 1],
        extensions: { code: 'MEMBER_UNAVAILABLE', country: 'NG', reason: 'unreachable' },
      },
    ]);
  });

  it('asks neither a quarantined nor an offline member, and names why their parts are missing', async () => {
    const uganda = executingMember('UG');
    const namibia = executingMember('NA');
    const { router } = routerOver([uganda, namibia, executingMember('KE')], { UG: 'QUARANTINED', NA: 'OFFLINE' });
    const representations = [{ __typename: 'Country', code: 'UG' }, { __typename: 'Country', code: 'KE' }, { __typename: 'Country', code: 'NA' }];
    const response = await router.process(fetchOf(ENTITY_FETCH, { representations }));

    expect(response.errors!.map((error) => [error.path, error.extensions])).toEqual([
      [['_entities', 0], { code: 'MEMBER_UNAVAILABLE', country: 'UG', reason: 'quarantined' }],
      [['_entities', 2], { code: 'MEMBER_UNAVAILABLE', country: 'NA', reason: 'offline' }],
    ]);
    expect(response.data!._entities).toEqual([null, { currentActionPlan: expect.objectContaining({ countryCode: 'KE' }) }, null]);
    expect(uganda.calls).toEqual([]);
    expect(namibia.calls).toEqual([]);
  });

  it('refuses, as invalid_response, an answer without one entity per representation, keeping the other members’ data', async () => {
    const short = new InMemoryMember('NG', async () => ({ data: { _entities: [{ title: 'only one' }] } }));
    const { router } = routerOver([short, executingMember('KE')]);
    const representations = [
      { __typename: 'NationalActionPlan', countryCode: 'NG', id: 'NG-1' },
      { __typename: 'NationalActionPlan', countryCode: 'KE', id: 'KE-1' },
      { __typename: 'NationalActionPlan', countryCode: 'NG', id: 'NG-2' },
    ];
    const response = await router.process(fetchOf(ENTITY_FETCH, { representations }));
    expect(response.data!._entities).toEqual([null, { title: 'KE plan I' }, null]);
    expect(response.errors!.map((error) => error.extensions)).toEqual([{ code: 'MEMBER_UNAVAILABLE', country: 'NG', reason: 'invalid_response' }]);
  });

  it('answers a representation without a country with an internal error, never sending it to any member', async () => {
    const kenya = executingMember('KE');
    const { router } = routerOver([kenya]);
    const response = await router.process(fetchOf(ENTITY_FETCH, { representations: [{ __typename: 'NationalActionPlan', id: 'KE-1' }] }));
    expect(response.data!._entities).toEqual([null]);
    expect(response.errors!.map((error) => [error.path, error.extensions!.code])).toEqual([[['_entities', 0], 'INTERNAL_SERVER_ERROR']]);
    expect(kenya.calls).toEqual([]);
  });
});

describe('the MemberRouter, routing root fields', () => {
  const SPLIT = /* GraphQL */ `query Plans($ng: String!, $unused: Int) {
    __typename
    ke: actionPlans(countryCode: "KE") { ...Titled }
    ng: actionPlans(countryCode: $ng) { id }
    again: actionPlans(countryCode: "KE") { iteration }
  }
  fragment Titled on NationalActionPlan { title }`;

  it('splits root fields by their countryCode (literal or variable) and merges the answers by response key', async () => {
    const kenya = executingMember('KE');
    const nigeria = executingMember('NG');
    const { router } = routerOver([kenya, nigeria]);
    const response = await router.process(fetchOf(SPLIT, { ng: 'NG', unused: 3 }));

    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ __typename: 'Query', ke: [{ title: 'KE plan I' }], ng: [{ id: 'NG-1' }], again: [{ iteration: 1 }] });
    // Each member gets its own fields, with only the variables and fragments they use.
    expect(kenya.calls).toHaveLength(1);
    expect(nigeria.calls).toHaveLength(1);
    expect(kenya.calls[0]!.query).toBe(
      print(withCheckFields(parse(`query Plans { ke: actionPlans(countryCode: "KE") { ...Titled } again: actionPlans(countryCode: "KE") { iteration } } fragment Titled on NationalActionPlan { title }`), NAP_CONTRACT)),
    );
    expect(kenya.calls[0]!.variables).toEqual({});
    expect(nigeria.calls[0]!.query).toBe(print(withCheckFields(parse(`query Plans($ng: String!) { ng: actionPlans(countryCode: $ng) { id } }`), NAP_CONTRACT)));
    expect(nigeria.calls[0]!.variables).toEqual({ ng: 'NG' });
  });

  it('reads the document the gateway hands over and prints each sub-operation once, not per request', async () => {
    const kenya = executingMember('KE');
    const { router } = routerOver([kenya, executingMember('NG')]);
    const document = parse(SPLIT);
    // The query text is never parsed again when the document comes with it.
    for (let round = 0; round < 3; round++) await router.process(fetchOf('not GraphQL {', { ng: 'NG' }, undefined, document));

    expect(kenya.calls).toHaveLength(3);
    expect(new Set(kenya.calls.map((call) => call.document)).size).toBe(1);
    expect(kenya.calls[0]!.document).toBeDefined();
  });

  it('refuses a root field without a countryCode (BAD_USER_INPUT) and gives a country without a member MEMBER_NOT_REGISTERED', async () => {
    const kenya = executingMember('KE');
    const { router } = routerOver([kenya]);
    const response = await router.process(fetchOf(`query ($c: String) { a: actionPlans(countryCode: $c) { id } b: actionPlans(countryCode: "GH") { id } k: actionPlans(countryCode: "KE") { id } }`, {}));

    expect(response.data).toEqual({ a: null, b: null, k: [{ id: 'KE-1' }] });
    expect(response.errors).toEqual([
      { message: 'actionPlans must name a countryCode: the hub routes it to that member state only.', path: ['a'], extensions: { code: 'BAD_USER_INPUT', field: 'countryCode' } },
      { message: 'GH has no NAP subgraph registered with the hub.', path: ['b'], extensions: { code: 'MEMBER_NOT_REGISTERED', country: 'GH' } },
    ]);
    expect(kenya.calls).toHaveLength(1);
  });

  it('gives every field of a failing member MEMBER_UNAVAILABLE and keeps the other members’ fields', async () => {
    const { router } = routerOver([executingMember('KE'), failingMember('NG', connectionRefused)]);
    const response = await router.process(fetchOf(`{ k: actionPlans(countryCode: "KE") { id } n1: actionPlans(countryCode: "NG") { id } n2: actionPlans(countryCode: "NG") { title } }`));
    expect(response.data).toEqual({ k: [{ id: 'KE-1' }], n1: null, n2: null });
    expect(response.errors!.map((error) => [error.path, error.extensions])).toEqual([
      [['n1'], { code: 'MEMBER_UNAVAILABLE', country: 'NG', reason: 'unreachable' }],
      [['n2'], { code: 'MEMBER_UNAVAILABLE', country: 'NG', reason: 'unreachable' }],
    ]);
  });

  it('asks the members of a query in parallel', async () => {
    const held = deferred<void>();
    const kenya = executingMember('KE');
    const slowNigeria = new InMemoryMember('NG', async () => {
      await held.promise;
      return { data: { n: [] } };
    });
    const { router } = routerOver([slowNigeria, kenya]);
    const answer = router.process(fetchOf(`{ n: actionPlans(countryCode: "NG") { id } k: actionPlans(countryCode: "KE") { id } }`));
    await waitUntil(() => kenya.calls.length === 1);
    expect(slowNigeria.calls).toHaveLength(1);
    held.resolve();
    expect((await answer).data).toEqual({ n: [], k: [{ id: 'KE-1' }] });
  });

  it('runs mutations one member after another, in the order the members first appear, and never retries them', async () => {
    const held = deferred<void>();
    const events: string[] = [];
    const kenyaExecutes = executeAgainst(napMemberSchema('KE'));
    const kenya = new InMemoryMember('KE', async (call) => {
      events.push('KE asked');
      await held.promise;
      events.push('KE answered');
      return kenyaExecutes(call);
    });
    const nigeria = failingMember('NG', () => {
      events.push('NG asked');
      return connectionRefused();
    });
    const { router } = routerOver([kenya, nigeria]);
    const mutation = /* GraphQL */ `mutation {
      k1: createActionPlan(countryCode: "KE", input: { iteration: 2, title: "KE plan II" }) { id }
      n: createActionPlan(countryCode: "NG", input: { iteration: 2, title: "NG plan II" }) { id }
      k2: createActionPlan(countryCode: "KE", input: { iteration: 3, title: "KE plan III" }) { id }
    }`;
    // The public's writes reach the members (which refuse them); these in-memory members accept them.
    const answer = router.process(fetchOf(mutation));
    await waitUntil(() => events.length === 1);
    expect(events).toEqual(['KE asked']);
    held.resolve();
    const response = await answer;

    expect(events).toEqual(['KE asked', 'KE answered', 'NG asked']);
    expect(kenya.calls).toHaveLength(1);
    expect(nigeria.calls).toHaveLength(1);
    expect(response.data).toEqual({ k1: { id: 'KE-2' }, k2: { id: 'KE-3' }, n: null });
  });

  it("refuses a signed-in caller's write for a country they are no focal point of (FORBIDDEN), without asking that member", async () => {
    const kenya = executingMember('KE');
    const { router } = routerOver([kenya]);
    const write = `mutation { p: createActionPlan(countryCode: "KE", input: { iteration: 2, title: "forged" }) { id } }`;
    for (const caller of [focalPointOf('NG'), ANALYST]) {
      const response = await router.process(fetchOf(write, {}, caller));
      expect(response).toEqual({ data: { p: null }, errors: [{ message: "Only a focal point of KE may write KE's data.", path: ['p'], extensions: { code: 'FORBIDDEN', country: 'KE' } }] });
    }
    expect(kenya.calls).toEqual([]);
    // Kenya's own focal point's write, and the public's (which the member itself refuses), are sent.
    await router.process(fetchOf(write, {}, focalPointOf('KE')));
    await router.process(fetchOf(write, {}));
    expect(kenya.calls).toHaveLength(2);
  });
});

describe('the MemberRouter, with a failing member', () => {
  const ASK_NIGERIA = `{ n: actionPlans(countryCode: "NG") { id } }`;
  const reasonOf = (response: Awaited<ReturnType<MemberRouter['process']>>) => response.errors?.[0]?.extensions?.reason;

  it('makes one data source per member, once, whatever the number of requests', async () => {
    const { router, connects } = routerOver([executingMember('KE'), executingMember('NG')]);
    for (let round = 0; round < 4; round++) {
      await router.process(fetchOf(`{ k: actionPlans(countryCode: "KE") { id } n: actionPlans(countryCode: "NG") { id } }`));
      await router.process(fetchOf(ENTITY_FETCH, { representations: [{ __typename: 'Country', code: 'KE' }] }));
    }
    expect(connects.sort()).toEqual(['KE', 'NG']);
  });

  it('opens the circuit after repeated failures (failing fast, the member not asked) and closes it once a trial call succeeds', async () => {
    const nigeria = failingMember('NG', connectionRefused);
    const { router } = routerOver([nigeria], {}, { breaker: { errorPercentage: 50, volume: 3, windowMs: 10_000, resetMs: 200 } });

    for (let call = 0; call < 3; call++) expect(reasonOf(await router.process(fetchOf(ASK_NIGERIA)))).toBe('unreachable');
    expect(nigeria.calls).toHaveLength(3);
    // Open: the member is not asked.
    const failingFast = await router.process(fetchOf(ASK_NIGERIA));
    expect(failingFast.errors).toEqual([
      {
        message: 'The NAP subgraph of NG failed repeatedly and is not asked for a while; its data is missing from this response.',
        path: ['n'],
        extensions: { code: 'MEMBER_UNAVAILABLE', country: 'NG', reason: 'circuit_open' },
      },
    ]);
    expect(nigeria.calls).toHaveLength(3);

    // The member recovers; after resetMs one trial call goes through and closes the circuit.
    nigeria.answerWith(executeAgainst(napMemberSchema('NG')));
    let answer: Awaited<ReturnType<MemberRouter['process']>> | undefined;
    await waitUntil(async () => {
      answer = await router.process(fetchOf(ASK_NIGERIA));
      return answer!.errors === undefined;
    });
    expect(answer!.data).toEqual({ n: [{ id: 'NG-1' }] });
    const asked = nigeria.calls.length;
    for (let call = 0; call < 3; call++) expect((await router.process(fetchOf(ASK_NIGERIA))).errors).toBeUndefined();
    expect(nigeria.calls).toHaveLength(asked + 3);
  });

  it("does not count a member's 4xx against its circuit: a client's request it refuses says nothing of its health, a 5xx does", async () => {
    const breaker = { errorPercentage: 50, volume: 3, windowMs: 10_000, resetMs: 60_000 };
    const refusing = failingMember('NG', () => new MemberHttpStatusError(413));
    const { router } = routerOver([refusing], {}, { breaker });
    for (let call = 0; call < 6; call++) expect(reasonOf(await router.process(fetchOf(ASK_NIGERIA)))).toBe('http_error');
    // Never open: every one of the six was asked.
    expect(refusing.calls).toHaveLength(6);

    const failing = failingMember('NG', () => new MemberHttpStatusError(502));
    const other = routerOver([failing], {}, { breaker }).router;
    for (let call = 0; call < 3; call++) expect(reasonOf(await other.process(fetchOf(ASK_NIGERIA)))).toBe('http_error');
    expect(reasonOf(await other.process(fetchOf(ASK_NIGERIA)))).toBe('circuit_open');
    expect(failing.calls).toHaveLength(3);
  });

  it('counts answers that break the contract against the member\'s circuit: a member that keeps sending them is not asked for a while', async () => {
    // Well-formed JSON from a live member, but for fields nobody asked: every answer is refused as invalid_response.
    const liar = new InMemoryMember('NG', async () => ({ data: { n: [{ id: 'NG-1' }], extra: 'not asked for' } }));
    const { router } = routerOver([liar], {}, { breaker: { errorPercentage: 50, volume: 3, windowMs: 10_000, resetMs: 60_000 } });
    for (let call = 0; call < 3; call++) expect(reasonOf(await router.process(fetchOf(ASK_NIGERIA)))).toBe('invalid_response');
    expect(liar.calls).toHaveLength(3);
    expect(reasonOf(await router.process(fetchOf(ASK_NIGERIA)))).toBe('circuit_open');
    expect(liar.calls).toHaveLength(3);
  });

  it('shares one call between identical queries in flight and gives each caller its own checked copy of the answer', async () => {
    const gate = deferred<void>();
    const nigeria = new InMemoryMember('NG', async (call) => {
      await gate.promise;
      return executeAgainst(napMemberSchema('NG'))(call);
    });
    const { router } = routerOver([nigeria]);
    const first = router.process(fetchOf(ASK_NIGERIA));
    const second = router.process(fetchOf(ASK_NIGERIA));
    gate.resolve();
    const [a, b] = await Promise.all([first, second]);
    expect(nigeria.calls).toHaveLength(1);
    expect(a.data).toEqual({ n: [{ id: 'NG-1' }] });
    expect(b.data).toEqual(a.data);
    expect((b.data as { n: unknown[] }).n).not.toBe((a.data as { n: unknown[] }).n);
  });

  it('keeps one circuit per member: an open circuit for one country does not stop another', async () => {
    const kenya = executingMember('KE');
    const { router } = routerOver([failingMember('NG', connectionRefused), kenya], {}, { breaker: { errorPercentage: 50, volume: 2, windowMs: 10_000, resetMs: 60_000 } });
    for (let call = 0; call < 3; call++) await router.process(fetchOf(ASK_NIGERIA));
    expect(reasonOf(await router.process(fetchOf(ASK_NIGERIA)))).toBe('circuit_open');
    expect((await router.process(fetchOf(`{ k: actionPlans(countryCode: "KE") { id } }`))).data).toEqual({ k: [{ id: 'KE-1' }] });
  });

  it('classifies failures by their type, code or HTTP status, never by the wording of their message', async () => {
    const reasonFor = async (error: () => unknown) => reasonOf(await routerOver([failingMember('NG', error)]).router.process(fetchOf(ASK_NIGERIA)));
    // What the deadline fetcher's AbortSignal.timeout rejects with.
    const deadline = AbortSignal.timeout(1);
    await new Promise((resolve) => deadline.addEventListener('abort', resolve));
    const timeout = () => deadline.reason as unknown;

    expect(await reasonFor(connectionRefused)).toBe('unreachable');
    expect(await reasonFor(() => Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }))).toBe('unreachable');
    expect(await reasonFor(timeout)).toBe('timeout');
    expect(await reasonFor(() => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }) }))).toBe('timeout');
    expect(await reasonFor(() => new MemberHttpStatusError(502))).toBe('http_error');
    expect(await reasonFor(() => new SyntaxError('Unexpected token < in JSON'))).toBe('invalid_response');
    // Messages that only look like a failure are not one: nothing typed says so.
    expect(await reasonFor(() => new Error('502: Bad Gateway'))).toBe('invalid_response');
    expect(await reasonFor(() => new TypeError('fetch failed'))).toBe('invalid_response');
  });
});

/** Poll until `condition` holds (at most 5 s), for state another promise is about to reach. */
async function waitUntil(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
