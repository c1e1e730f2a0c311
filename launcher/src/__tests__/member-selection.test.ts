import { loadMemberships, loadNapHistories } from '@wps/data';
import { connectionBudget } from '../connection-budget.js';
import { selectMembers } from '../member-selection.js';

describe('HUB_MEMBERS', () => {
  it('expands the shorthands to a framework\'s members and to every state with a NAP, each state once', () => {
    expect(selectMembers(['@AU_CRF'])).toHaveLength(55);
    expect(selectMembers(['@AU_CRF'])).toEqual(loadMemberships().AU.members);
    expect(selectMembers(['@ALL_NAPS'])).toHaveLength(loadNapHistories().countries.length);
    expect(selectMembers(['KE', '@AU_CRF', 'ke']).filter((code) => code === 'KE')).toHaveLength(1);
    expect(selectMembers(undefined)).toHaveLength(12);
  });

  it('keeps ISO codes apart from shorthands: AU is Australia, not the African Union', () => {
    expect(selectMembers(['AU'])).toEqual(['AU']);
    expect(() => selectMembers(['@AU'])).toThrow(/@AU is neither/);
  });

  it('refuses a code that is not a real ISO 3166 code, naming it', () => {
    expect(() => selectMembers(['KE', 'XX', 'UK'])).toThrow(/XX, UK are neither ISO 3166-1 alpha-2 codes nor shorthands/);
  });
});

describe('the connection budget', () => {
  it('fits 110 members with their pools into the cluster, where the default pool of 5 would not fit 400 connections', () => {
    expect(110 * 5).toBeGreaterThan(400);
    const budget = connectionBudget(110);
    expect(budget.memberPool).toBe(2);
    expect(budget.maxConnections).toBeGreaterThanOrEqual(110 * budget.memberPool + 40);
    expect(connectionBudget(12)).toEqual({ memberPool: 5, maxConnections: 400 });
    expect(connectionBudget(110, 5).maxConnections).toBe(590);
  });
});
