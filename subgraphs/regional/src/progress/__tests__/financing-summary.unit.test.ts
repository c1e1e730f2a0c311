import { summariseFinancing } from '../financing.service.js';

describe("a framework's financing summary, from the shares members' subgraphs returned", () => {
  it('averages the shares of the members that report one (never amounts: currencies differ), counts the failed ones as unavailable, and says when it rests on demo values', () => {
    const members = [
      { shareToCivilSociety: 0.5, shareToGrassroots: 0.1, isDemo: true },
      { shareToCivilSociety: 0.2, shareToGrassroots: 0.05, isDemo: false },
      // Connected, but nothing disbursed: no share, not reporting.
      { shareToCivilSociety: null, shareToGrassroots: null, isDemo: false },
      null,
      null,
    ];
    expect(summariseFinancing(members, 1)).toEqual({
      members: 5,
      connected: 4,
      unavailable: 1,
      reporting: 2,
      meanShareToCivilSociety: 0.35,
      meanShareToGrassroots: 0.075,
      minShareToCivilSociety: 0.2,
      maxShareToCivilSociety: 0.5,
      demoMembers: 1,
      computedFromDemo: true,
    });
  });

  it('has no means while nobody reports, and refuses counts that cannot be', () => {
    expect(summariseFinancing([null, { shareToCivilSociety: null }], 1)).toMatchObject({ reporting: 0, meanShareToCivilSociety: null, minShareToCivilSociety: null, computedFromDemo: false });
    expect(() => summariseFinancing([{ shareToCivilSociety: 0.1 }], 1)).toThrow(/1 members/);
  });
});
