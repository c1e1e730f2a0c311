import { summariseFollowUps } from '../follow-up-overview.service.js';

describe("a framework's follow-up summary, from the counts members' subgraphs returned", () => {
  it('adds up what is overdue over the members that answered, counts a failed member as unavailable (never as nothing overdue), and says when it rests on demo values', () => {
    const members = [
      { overdue: 3, open: 5, done: 2, isDemo: true },
      { overdue: 0, open: 1, done: 4, isDemo: false },
      // Connected, but no follow-up action at all: answered, not reporting.
      { overdue: 0, open: 0, done: 0, isDemo: false },
      { overdue: 1, open: 1, done: 0, isDemo: false },
      // Not connected, and one that failed in this request: no answer from either.
      null,
      null,
    ];
    expect(summariseFollowUps(members, 1)).toEqual({
      members: 6,
      connected: 5,
      unavailable: 1,
      reporting: 3,
      totalOverdue: 4,
      membersWithOverdue: 2,
      computedFromDemo: true,
    });
  });

  it('takes a row without a count for no answer, has nothing overdue while nobody answers, and refuses counts that cannot be', () => {
    expect(summariseFollowUps([{ countryCode: 'KE', overdue: null }, null], 1)).toEqual({
      members: 2,
      connected: 1,
      unavailable: 1,
      reporting: 0,
      totalOverdue: 0,
      membersWithOverdue: 0,
      computedFromDemo: false,
    });
    expect(() => summariseFollowUps([{ overdue: 0, open: 0, done: 0 }], 1)).toThrow(/1 members/);
  });
});
