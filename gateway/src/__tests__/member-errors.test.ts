import { entityPathIn, MAX_MEMBER_ERRORS, MAX_MEMBER_MESSAGE, MAX_MEMBER_MESSAGE_READ, memberErrorsOf, rootPathIn } from '../member-errors.js';

/** Member errors are the hub's to word (ARCHITECTURE.md section 8). */
describe("a member's errors, as the hub words them", () => {
  const entities = entityPathIn([3, 7]);
  const worded = (errors: unknown, place = entities) => memberErrorsOf(errors, 'LS', place);

  it('keeps a contract code, its message and its refusal details, with the member’s own country and its path re-indexed', () => {
    expect(worded([{ message: 'No such plan.', path: ['_entities', 1, 'title'], extensions: { code: 'NOT_FOUND', country: 'KE', reason: 'timeout', field: 'id', internal: 'x' } }])).toEqual({
      errors: [{ message: 'No such plan.', path: ['_entities', 7, 'title'], extensions: { code: 'NOT_FOUND', country: 'LS', field: 'id' } }],
    });
  });

  it('keeps the reason of a reused idempotency key, and no other reason a member gives', () => {
    const refusal = (reason: string) => ({ message: 'Key used.', extensions: { code: 'BAD_USER_INPUT', field: 'idempotencyKey', reason } });
    expect(worded([refusal('IDEMPOTENCY_KEY_REUSED')], rootPathIn(['p']))).toEqual({
      errors: [{ message: 'Key used.', extensions: { code: 'BAD_USER_INPUT', country: 'LS', field: 'idempotencyKey', reason: 'IDEMPOTENCY_KEY_REUSED' } }],
    });
    expect(worded([refusal('quarantined')], rootPathIn(['p']))).toEqual({
      errors: [{ message: 'Key used.', extensions: { code: 'BAD_USER_INPUT', country: 'LS', field: 'idempotencyKey' } }],
    });
  });

  it('puts a path that points outside the member’s part at its own first entry or key', () => {
    const at = (path: unknown[], place = entities) => (worded([{ message: 'm', path, extensions: { code: 'BAD_USER_INPUT' } }], place) as { errors: { path?: unknown }[] }).errors[0]!.path;
    expect(at(['_entities', 2])).toEqual(['_entities', 3]);
    expect(at(['_entities', -1, 'x'])).toEqual(['_entities', 3]);
    expect(at(['countries', 0])).toEqual(['_entities', 3]);
    expect(at(['_entities', 0, { evil: true }])).toEqual(['_entities', 3]);
    expect(at(['theirs', 0], rootPathIn(['mine', 'again']))).toEqual(['mine']);
    expect(at(['again', 0, 'title'], rootPathIn(['mine', 'again']))).toEqual(['again', 0, 'title']);
  });

  it('words a code the contract does not declare as the hub’s internal error', () => {
    for (const code of [undefined, 'INTERNAL_SERVER_ERROR', 'SOMETHING_ELSE']) {
      expect(worded([{ message: 'secret detail at postgres://x', path: ['_entities', 0], extensions: { code } }])).toEqual({
        errors: [{ message: 'The NAP subgraph of LS failed to resolve this part.', path: ['_entities', 3], extensions: { code: 'INTERNAL_SERVER_ERROR', country: 'LS' } }],
      });
    }
  });

  it('refuses the whole answer when an error claims one of the hub’s own codes', () => {
    for (const code of ['MEMBER_UNAVAILABLE', 'MEMBER_NOT_REGISTERED', 'RATE_LIMITED', 'QUERY_TOO_COSTLY', 'SERVICE_UNAVAILABLE']) {
      expect(worded([{ message: 'The NAP subgraph of KE did not answer in time.', extensions: { code, country: 'KE' } }])).toEqual({ problem: `an error claims the hub's own code ${code}` });
    }
  });

  it('scrubs addresses and cuts the message to the cap; a message over the read limit refuses the answer', () => {
    const long = `see http://10.0.0.7:4100/graphql ${'x'.repeat(1_000)}`;
    const [error] = (worded([{ message: long, extensions: { code: 'BAD_USER_INPUT' } }]) as { errors: { message: string }[] }).errors;
    expect(error!.message.length).toBe(MAX_MEMBER_MESSAGE);
    expect(error!.message.startsWith('see [internal address] xxx')).toBe(true);
    expect(error!.message.endsWith('…')).toBe(true);
    expect(worded([{ message: 'a.'.repeat(MAX_MEMBER_MESSAGE_READ), extensions: { code: 'BAD_USER_INPUT' } }])).toEqual({ problem: `an error message of ${2 * MAX_MEMBER_MESSAGE_READ} characters` });
  });

  it('passes on at most MAX_MEMBER_ERRORS errors, and refuses errors that are not a list of objects', () => {
    const many = Array.from({ length: 500 }, () => ({ message: 'm', extensions: { code: 'BAD_USER_INPUT' } }));
    expect((worded(many) as { errors: unknown[] }).errors).toHaveLength(MAX_MEMBER_ERRORS);
    expect(worded('errors')).toEqual({ problem: 'errors is not a list' });
    expect(worded(['error'])).toEqual({ problem: 'an error is not an object' });
    expect(worded(undefined)).toEqual({ errors: [] });
  });
});
