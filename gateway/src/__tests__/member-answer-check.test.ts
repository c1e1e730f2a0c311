import { parse, print } from 'graphql';
import { memberFetchDocumentOf, withCheckFields } from '../document-rewriting.js';
import { checkEntityAnswer, checkRootAnswer } from '../member-answer-check.js';
import { NAP_CONTRACT } from './support/in-memory-members.js';

/**
 * The checks of a member's answer against its fetch (ARCHITECTURE.md
 * section 8): what the hub adds to the sub-request, what it accepts, what
 * it refuses, and what it strips before merging.
 */

const ENTITY_FETCH = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Country { code currentActionPlan { t: title status } }
    ... on NationalActionPlan { ...Plan }
  }
}
fragment Plan on NationalActionPlan { title iteration }`;

const fetchOf = (query: string) => memberFetchDocumentOf({ request: { query } }, NAP_CONTRACT)!;
const lesotho = { __typename: 'Country', code: 'LS' };
const lesothoPlan = { __typename: 'NationalActionPlan', countryCode: 'LS', id: 'LS-1' };

/** An honest answer to ENTITY_FETCH for [lesotho, lesothoPlan], with the check fields. */
const honest = () => ({
  _entities: [
    { _hub___typename: 'Country', code: 'LS', currentActionPlan: { t: 'Plan I', status: 'ADOPTED', _hub_countryCode: 'LS' } },
    { _hub___typename: 'NationalActionPlan', _hub_countryCode: 'LS', _hub_id: 'LS-1', title: 'Plan I', iteration: 1 },
  ],
});

const checkEntities = (data: unknown) => checkEntityAnswer(fetchOf(ENTITY_FETCH).shape, { data: data as Record<string, unknown> }, [lesotho, lesothoPlan], 'LS');
const breachOf = (checked: ReturnType<typeof checkEntities>) => ('breach' in checked ? checked.breach.description : 'accepted');

describe('the fields the hub adds to a member sub-request', () => {
  it('adds the country field to every entity that does not ask for it, aliased, in fragments too', () => {
    expect(print(withCheckFields(parse(`{ actionPlans(countryCode: "KE") { ...P period { start } } mine: actionPlans(countryCode: "KE") { countryCode } } fragment P on NationalActionPlan { title }`), NAP_CONTRACT))).toBe(
      print(
        parse(`{
          actionPlans(countryCode: "KE") { ...P period { start } _hub_countryCode: countryCode }
          mine: actionPlans(countryCode: "KE") { countryCode }
        }
        fragment P on NationalActionPlan { title _hub_countryCode: countryCode }`),
      ),
    );
  });

  it('adds __typename to the union of _entities and every key field its entities do not ask for', () => {
    expect(fetchOf(ENTITY_FETCH).query).toBe(
      print(
        parse(`query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on Country { code currentActionPlan { t: title status _hub_countryCode: countryCode } }
            ... on NationalActionPlan { ...Plan _hub_countryCode: countryCode _hub_id: id }
            _hub___typename: __typename
          }
        }
        fragment Plan on NationalActionPlan { title iteration _hub_countryCode: countryCode }`),
      ),
    );
  });
});

describe('checking an entity answer', () => {
  it('accepts an honest answer and strips the fields the hub added', () => {
    expect(checkEntities(honest())).toEqual({
      accepted: [{ code: 'LS', currentActionPlan: { t: 'Plan I', status: 'ADOPTED' } }, { title: 'Plan I', iteration: 1 }],
    });
  });

  it('logs a breach at bounded length, however long the keys and type names the member sends', () => {
    const longKey = 'k'.repeat(100_000);
    const answer = honest();
    (answer._entities[0]!.currentActionPlan as Record<string, unknown>)[longKey] = 1;
    const description = breachOf(checkEntities(answer));
    expect(description.startsWith('_entities.0.currentActionPlan.kkk')).toBe(true);
    expect(description.endsWith('the field was not asked for')).toBe(true);
    expect(description.length).toBeLessThanOrEqual(400);
    const longType = honest();
    longType._entities[0]!._hub___typename = 'T'.repeat(100_000);
    expect(breachOf(checkEntities(longType)).length).toBeLessThanOrEqual(400);
  });

  it('accepts null entries', () => {
    expect(checkEntities({ _entities: [null, null] })).toEqual({ accepted: [null, null] });
  });

  it('refuses an entity for another country than its representation, in the key or in a field the planner asked', () => {
    const forgedKey = honest();
    forgedKey._entities[1]!._hub_countryCode = 'KE';
    expect(breachOf(checkEntities(forgedKey))).toBe('_entities.1._hub_countryCode: the key field countryCode differs from the representation\'s');
    const forgedId = honest();
    forgedId._entities[1]!._hub_id = 'LS-2';
    expect(breachOf(checkEntities(forgedId))).toBe('_entities.1._hub_id: the key field id differs from the representation\'s');
    const forgedField = honest();
    forgedField._entities[0]!.code = 'KE';
    expect(breachOf(checkEntities(forgedField))).toBe('_entities.0.code: the key field code differs from the representation\'s');
  });

  it('refuses a nested object of another country', () => {
    const answer = honest();
    (answer._entities[0]!.currentActionPlan as Record<string, unknown>)._hub_countryCode = 'KE';
    expect(breachOf(checkEntities(answer))).toBe('_entities.0.currentActionPlan._hub_countryCode: countryCode is a string of 2 characters: a member speaks only for its own country');
  });

  it('refuses an entity of another type than its representation', () => {
    const answer = honest();
    answer._entities[1]!._hub___typename = 'Country';
    expect(breachOf(checkEntities(answer))).toMatch(/^_entities\.1: /);
  });

  it('refuses a string where an object is asked, a wrong scalar, an unknown enum value, a missing and an unasked field', () => {
    const cases: [(answer: ReturnType<typeof honest>) => void, string][] = [
      [(answer) => ((answer._entities as unknown[])[0] = 'not an object'), '_entities.0: expected an object, got a string of 13 characters'],
      [(answer) => (answer._entities[1]!.iteration = '1' as never), '_entities.1.iteration: expected an integer, got a string of 1 characters'],
      [(answer) => ((answer._entities[0]!.currentActionPlan as Record<string, unknown>).status = 'HACKED'), '_entities.0.currentActionPlan.status: expected a value of PlanStatus, got a string of 6 characters'],
      [(answer) => delete (answer._entities[1] as Record<string, unknown>).title, '_entities.1.title: the field is missing'],
      [(answer) => ((answer._entities[1] as Record<string, unknown>).code = 'KE'), '_entities.1.code: the field was not asked for'],
      [(answer) => ((answer._entities[0]!.currentActionPlan as Record<string, unknown>).title = 'x'), '_entities.0.currentActionPlan.title: the field was not asked for'],
      [(answer) => ((answer._entities[0] as Record<string, unknown>).currentActionPlan = []), '_entities.0.currentActionPlan: expected an object, got a list'],
      [(answer) => (answer._entities as unknown[]).pop(), '_entities: the answer has 1 entities for 2 representations'],
    ];
    for (const [spoil, breach] of cases) {
      const answer = honest();
      spoil(answer);
      expect(breachOf(checkEntities(answer))).toBe(breach);
    }
    expect(breachOf(checkEntities({ _entities: honest()._entities, extra: 1 }))).toBe('extra: the field was not asked for');
    expect(breachOf(checkEntities(null))).toBe('(root): the answer has no data object');
  });

  it('reads __proto__ as a field that was not asked for, not as a prototype', () => {
    const answer = JSON.parse(JSON.stringify(honest()).replace('"iteration":1', '"iteration":1,"__proto__":{"polluted":true}'));
    expect(breachOf(checkEntities(answer))).toBe('_entities.1.__proto__: the field was not asked for');
  });
});

describe('checking a root-field answer', () => {
  const fetch = fetchOf(`{ mine: actionPlans(countryCode: "LS") { id ... on NationalActionPlan { title @include(if: true) } } }`);

  it('accepts an honest answer, with or without a conditional field, and strips the added fields', () => {
    const plan = { id: 'LS-1', title: 'Plan I', _hub_countryCode: 'LS' };
    expect(checkRootAnswer(fetch.shape, { data: { mine: [plan] } }, ['mine'], 'LS')).toEqual({ accepted: { mine: [{ id: 'LS-1', title: 'Plan I' }] } });
    const { title: _title, ...withoutTitle } = plan;
    expect(checkRootAnswer(fetch.shape, { data: { mine: [withoutTitle] } }, ['mine'], 'LS')).toEqual({ accepted: { mine: [{ id: 'LS-1' }] } });
    expect(checkRootAnswer(fetch.shape, { data: { mine: null } }, ['mine'], 'LS')).toEqual({ accepted: { mine: null } });
  });

  it("refuses another country's plan, a key it was not asked and a string for a list", () => {
    const forged = { id: 'KE-1', title: 'Forged', _hub_countryCode: 'KE' };
    const breach = (data: unknown) => {
      const checked = checkRootAnswer(fetch.shape, { data: data as Record<string, unknown> }, ['mine'], 'LS');
      return 'breach' in checked ? checked.breach.description : 'accepted';
    };
    expect(breach({ mine: [forged] })).toBe('mine.0._hub_countryCode: countryCode is a string of 2 characters: a member speaks only for its own country');
    expect(breach({ mine: [], theirs: [] })).toBe('theirs: the field was not asked for');
    expect(breach({ mine: 'not a list' })).toBe('mine: expected a list, got a string of 10 characters');
    expect(breach({ mine: [{ id: 'LS-1', title: 'Plan I', _hub_countryCode: 'LS', _hub___typename: 'NationalActionPlan' }] })).toBe('mine.0._hub___typename: the field was not asked for');
  });
});
