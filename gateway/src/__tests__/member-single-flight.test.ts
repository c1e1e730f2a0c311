import { memberFetchDocumentOf } from '../document-rewriting.js';
import { checkEntityAnswer } from '../member-answer-check.js';
import { SingleFlight } from '../member-single-flight.js';
import { NAP_CONTRACT } from './support/in-memory-members.js';

const ENTITY_FETCH = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Country { code currentActionPlan { title indicators { code } } } }
}`;

/** Freeze an object and everything in it: a write anywhere throws (tests run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/**
 * The single flight of member calls (member-single-flight.ts): what is
 * shared, for how long, and why sharing one answer between callers is safe.
 */
describe('single flight', () => {
  it('shares a call in flight with an identical one, and only while it is in flight', async () => {
    const flights = new SingleFlight<number>();
    let calls = 0;
    let release: (value: number) => void = () => undefined;
    const call = () => {
      calls += 1;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = flights.run('query', 'KE', call);
    const second = flights.run('query', 'KE', call);
    const otherMember = flights.run('query', 'NG', () => Promise.resolve(7));
    expect(calls).toBe(1);
    release(42);
    expect(await Promise.all([first, second, otherMember])).toEqual([42, 42, 7]);
    expect(flights.size).toBe(0);
    // Once it is answered, the next identical call is made again: nothing is kept.
    const third = flights.run('query', 'KE', call);
    release(43);
    expect(await third).toBe(43);
    expect(calls).toBe(2);
  });

  it('shares a failure too, and forgets it', async () => {
    const flights = new SingleFlight<number>();
    const failing = () => Promise.reject(new Error('down'));
    await expect(Promise.all([flights.run('q', 'KE', failing), flights.run('q', 'KE', failing)])).rejects.toThrow('down');
    expect(flights.size).toBe(0);
    expect(await flights.run('q', 'KE', () => Promise.resolve(1))).toBe(1);
  });

  it('gives each caller its own checked copy of a shared answer, which it never writes to', () => {
    const fetch = memberFetchDocumentOf({ request: { query: ENTITY_FETCH } }, NAP_CONTRACT)!;
    const shared = deepFreeze({
      data: { _entities: [{ _hub___typename: 'Country', code: 'LS', currentActionPlan: { title: 'Plan I', _hub_countryCode: 'LS', indicators: [{ code: 'P1', _hub_countryCode: 'LS' }] } }] },
    });
    const representations = [{ __typename: 'Country', code: 'LS' }];
    const first = checkEntityAnswer(fetch.shape, shared, representations, 'LS');
    const second = checkEntityAnswer(fetch.shape, shared, representations, 'LS');
    if (!('accepted' in first) || !('accepted' in second)) throw new Error(`the honest answer was refused: ${'breach' in first ? first.breach.description : ''}`);
    expect(first.accepted).toEqual([{ code: 'LS', currentActionPlan: { title: 'Plan I', indicators: [{ code: 'P1' }] } }]);
    const [a, b] = [first.accepted[0] as Record<string, any>, second.accepted[0] as Record<string, any>];
    expect(a).not.toBe(b);
    expect(a.currentActionPlan).not.toBe(b.currentActionPlan);
    expect(a.currentActionPlan.indicators).not.toBe(b.currentActionPlan.indicators);
    expect(Object.isFrozen(a)).toBe(false);
  });
});
