import { idempotencyOf } from '../idempotency.js';

describe('the operation an idempotency key stands for', () => {
  const input = { iteration: 1, title: 'Kenya NAP', periodStart: 2016, periodEnd: 2018 };

  it('is nothing without a key: the write just runs', () => {
    expect(idempotencyOf('createActionPlan', { countryCode: 'KE', input })).toBeUndefined();
    expect(idempotencyOf('createActionPlan', { countryCode: 'KE', input, idempotencyKey: null })).toBeUndefined();
  });

  it('hashes the root field and every other argument, not the key, in any key order', () => {
    const first = idempotencyOf('createActionPlan', { countryCode: 'KE', input, idempotencyKey: 'a' })!;
    expect(first).toEqual({ key: 'a', operation: 'createActionPlan', operationHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const reordered = idempotencyOf('createActionPlan', { idempotencyKey: 'b', input: { periodEnd: 2018, periodStart: 2016, title: 'Kenya NAP', iteration: 1 }, countryCode: 'KE' })!;
    expect(reordered.operationHash).toBe(first.operationHash);
  });

  it('tells apart another argument value and another mutation with the same arguments', () => {
    const hash = (operation: string, args: Record<string, unknown>) => idempotencyOf(operation, { ...args, idempotencyKey: 'k' })!.operationHash;
    const base = hash('createActionPlan', { countryCode: 'KE', input });
    expect(hash('createActionPlan', { countryCode: 'KE', input: { ...input, iteration: 2 } })).not.toBe(base);
    expect(hash('createActionPlan', { countryCode: 'NG', input })).not.toBe(base);
    expect(hash('updateActionPlan', { countryCode: 'KE', input })).not.toBe(base);
  });
});
