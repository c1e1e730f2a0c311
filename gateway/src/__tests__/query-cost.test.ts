import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { buildSchema, Kind, parse, validate, type DocumentNode, type GraphQLError, type OperationDefinitionNode, type ValidationContext } from 'graphql';
import { gatewayEnv } from '../config.js';
import { MEMBER_ENTITY_WEIGHT, QueryCostModel } from '../query-cost.js';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SUPERGRAPH_SDL = readFileSync(path.join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
const API_SCHEMA = buildSchema(readFileSync(path.join(REPO_ROOT, 'gateway', 'schema.graphql'), 'utf8'));
const OPERATIONS_DIR = path.join(REPO_ROOT, 'clients', 'sdk', 'src', 'operations');

const DEFAULTS = {
  maxCost: Number(gatewayEnv.spec.MAX_FANOUT_COST.default),
  defaultListSize: Number(gatewayEnv.spec.COST_DEFAULT_LIST_SIZE.default),
  memberListFloor: Number(gatewayEnv.spec.COST_MEMBER_LIST_FLOOR.default),
};
const model = new QueryCostModel({ supergraphSdl: SUPERGRAPH_SDL, memberSubgraph: 'nap', defaultListSize: DEFAULTS.defaultListSize, memberListFloor: DEFAULTS.memberListFloor });
const cost = (query: string, members: number) => model.estimate(parse(query), members);

/** Every operation the typed client ships, by name. */
function sdkOperations(): { name: string; document: DocumentNode; operation: OperationDefinitionNode }[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => {
      const document = parse(readFileSync(path.join(OPERATIONS_DIR, file), 'utf8'));
      return document.definitions
        .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
        .map((operation) => ({ name: operation.name!.value, document, operation }));
    });
}

/** The queries README.md shows. */
const README_QUERIES = {
  crossCountry: '{ countries(framework: AU_CRF) { code name memberStatus currentActionPlan { title period { start end } indicators { code title measurements { period value } } } } }',
  frameworkProgress:
    '{ framework(code: AU_CRF) { indicators(pillar: PARTICIPATION) { code title progress { rows { countryCode memberStatus status } summary { reporting achieved onTrack offTrack noData notConnected unavailable } } } } }',
  search: '{ search(query: "women mediators", first: 3) { totalCount edges { node { __typename ... on GoodPractice { title countries { code } isDemo } } } } }',
};

/**
 * Issue 9's attack: 29 aliases of a framework's pillar progress (every
 * member × every indicator of each pillar), about 4 KB. On the demo network
 * it made about 16,000 progress rows across the members.
 */
const FAN_OUT_ATTACK = `{ ${Array.from(
  { length: 29 },
  (_, index) => `a${index}: framework(code: AU_CRF) { pillarProgress { pillar rows { countryCode status indicators { latestValue status } } } }`,
).join(' ')} }`;

/** graphql-armor's static cost under the gateway's default, as the gateway's validation computes it. */
function staticCostOf(query: string): number {
  let found = 0;
  validate(API_SCHEMA, parse(query), [
    costLimitRule({ maxCost: 0, exposeLimits: true, propagateOnRejection: false, onReject: [(_context: ValidationContext | null, error: GraphQLError) => (found = Number(/found (\d+(?:\.\d+)?)/.exec(error.message)![1]))] }),
  ]);
  return found;
}

describe('the fan-out cost of a query', () => {
  it('lets every operation of the typed client through under the default budget on a 110-member network', () => {
    const operations = sdkOperations();
    expect(operations.length).toBeGreaterThan(25);
    const costs = Object.fromEntries(operations.map(({ name, document, operation }) => [name, model.estimateOperation(document, operation, 110)]));
    for (const [name, value] of Object.entries(costs)) expect([name, value <= DEFAULTS.maxCost]).toEqual([name, true]);
    // The heaviest is the CSV export (every framework indicator × every member × its aligned indicators); it keeps room below the budget.
    const [heaviest, highest] = Object.entries(costs).sort(([, a], [, b]) => b - a)[0]!;
    expect(heaviest).toBe('FrameworkProgressExport');
    expect(highest).toBeLessThan(DEFAULTS.maxCost * 0.6);
  });

  it("lets the README's queries through on a 110-member network", () => {
    for (const [name, query] of Object.entries(README_QUERIES)) expect([name, cost(query, 110) <= DEFAULTS.maxCost]).toEqual([name, true]);
  });

  it('refuses the 29-alias attack of issue 9 on the demo network and on 110 members, though it passes every static limit', () => {
    expect(FAN_OUT_ATTACK.length).toBeLessThanOrEqual(4096);
    expect(staticCostOf(FAN_OUT_ATTACK)).toBeLessThanOrEqual(Number(gatewayEnv.spec.MAX_QUERY_COST.default));
    expect(cost(FAN_OUT_ATTACK, 12)).toBeGreaterThan(DEFAULTS.maxCost * 2);
    expect(cost(FAN_OUT_ATTACK, 110)).toBeGreaterThan(DEFAULTS.maxCost * 4);
    // Even with the lightest rows, 29 aliases of every member's pillar progress are over.
    const lightest = `{ ${Array.from({ length: 29 }, (_, index) => `a${index}: framework(code: AU_CRF) { pillarProgress { rows { status } } }`).join(' ')} }`;
    expect(cost(lightest, 12)).toBeGreaterThan(DEFAULTS.maxCost);
  });

  it('counts the members a query reaches: a cross-country query grows with the registry, a one-country query does not', () => {
    const crossCountry = '{ countries(framework: AU_CRF) { code currentActionPlan { title } } }';
    const oneCountry = '{ country(code: "KE") { code currentActionPlan { title } } }';
    // Each member's plan is one object a member resolves, plus its field: code, currentActionPlan, title.
    expect(cost(crossCountry, 110)).toBe(1 + 110 * (1 + 1 + 1 + MEMBER_ENTITY_WEIGHT));
    expect(cost(crossCountry, 220)).toBe(1 + 220 * (1 + 1 + 1 + MEMBER_ENTITY_WEIGHT));
    // However few are registered, a framework's list of states is as long as its largest membership.
    expect(cost(crossCountry, 3)).toBe(cost(crossCountry, DEFAULTS.memberListFloor));
    expect(cost(oneCountry, 110)).toBe(cost(oneCountry, 12));
    expect(cost(oneCountry, 110)).toBe(1 + 1 + 1 + 1 + MEMBER_ENTITY_WEIGHT);
    // A list of states that asks nothing of the members costs no member entities.
    expect(cost('{ countries { code name } }', 110)).toBe(1 + 110 * 2);
  });

  it("multiplies a member's lists by their assumed size, and member lists inside them again", () => {
    const plans = (fields: string) => cost(`{ country(code: "KE") { currentActionPlan { ${fields} } } }`, 12);
    const base = plans('title');
    expect(plans('title indicators { code }') - base).toBe(1 + model.listSize('NationalActionPlan.indicators', 12));
    expect(plans('title indicators { code measurements { value } }') - base).toBe(
      1 + model.listSize('NationalActionPlan.indicators', 12) * (1 + 1 + model.listSize('Indicator.measurements', 12)),
    );
  });

  it('counts what a summary requires of the members (@requires) as if it were selected', () => {
    const pillars = cost('{ framework(code: AU_CRF) { pillarProgress { pillar } } }', 12);
    const summaries = cost('{ framework(code: AU_CRF) { pillarProgress { summary { reporting } } } }', 12);
    const rows = model.listSize('PillarProgress.rows', 12);
    const pillarCount = model.listSize('RegionalFramework.pillarProgress', 12);
    expect(pillars).toBe(1 + 1 + pillarCount * /* pillar */ 1);
    // Each pillar's summary needs every row's status and demo flag from its member: the rows, and per row those two and the member entity.
    expect(summaries).toBe(1 + 1 + pillarCount * (/* summary, reporting */ 2 + /* rows */ 1 + rows * (/* status, isDemo */ 2 + MEMBER_ENTITY_WEIGHT)));
  });

  it('costs a query written with fragments as the same query inlined, and each alias and root member field again', () => {
    const inlined = '{ countries(framework: AU_CRF) { code currentActionPlan { title indicators { code } } } }';
    const withFragments = 'query { countries(framework: AU_CRF) { ...C } } fragment C on Country { code currentActionPlan { ...P } } fragment P on NationalActionPlan { title indicators { code } }';
    expect(cost(withFragments, 110)).toBe(cost(inlined, 110));
    const once = cost('{ actionPlans(countryCode: "KE") { title } }', 110);
    expect(once).toBe(1 + MEMBER_ENTITY_WEIGHT + model.listSize('Query.actionPlans', 110));
    expect(cost('{ a: actionPlans(countryCode: "KE") { title } b: actionPlans(countryCode: "NG") { title } }', 110)).toBe(2 * once);
  });

  it('estimates a document of repeated fragment spreads without expanding them', () => {
    // Each fragment spreads the next twice: 2^40 spreads if expanded, 41 fragments estimated once each.
    const fragments = Array.from({ length: 40 }, (_, index) => `fragment F${index} on Query { ...F${index + 1} ...F${index + 1} }`);
    const document = `query { ...F0 } ${fragments.join(' ')} fragment F40 on Query { frameworks { code } }`;
    expect(cost(document, 12)).toBe(2 ** 40 * (1 + model.listSize('Query.frameworks', 12)));
  });

  it('serves a supergraph without the member subgraph: no member entities, lists of the table or the default size', () => {
    const plain = new QueryCostModel({ supergraphSdl: SUPERGRAPH_SDL, memberSubgraph: 'absent', defaultListSize: 10, memberListFloor: 55 });
    const query = '{ countries(framework: AU_CRF) { code currentActionPlan { title } } }';
    expect(plain.estimate(parse(query), 110)).toBe(1 + 10 * (1 + 1 + 1));
    expect(plain.estimate(parse('{ actionPlans(countryCode: "KE") { title } }'), 110)).toBe(1 + model.listSize('Query.actionPlans', 110));
  });

  it('takes list sizes from the overrides, and refuses an override of a field that is not a list', () => {
    const tuned = new QueryCostModel({ supergraphSdl: SUPERGRAPH_SDL, memberSubgraph: 'nap', defaultListSize: 10, memberListFloor: 55, listSizes: { 'NationalActionPlan.indicators': { items: 200 }, 'Query.frameworks': { perMember: 1 } } });
    expect(tuned.listSize('NationalActionPlan.indicators', 12)).toBe(200);
    expect(tuned.listSize('Query.frameworks', 110)).toBe(110);
    expect(tuned.listSize('Indicator.measurements', 12)).toBe(model.listSize('Indicator.measurements', 12));
    expect(() => new QueryCostModel({ supergraphSdl: SUPERGRAPH_SDL, memberSubgraph: 'nap', defaultListSize: 10, memberListFloor: 55, listSizes: { 'Country.name': { items: 3 } } })).toThrow(
      'Country.name is not a list field of the supergraph',
    );
  });
});
