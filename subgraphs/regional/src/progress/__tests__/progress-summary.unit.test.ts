import { IndicatorStatus } from '../../common/enums.js';
import { summariseCoverage, summariseProgress } from '../progress.service.js';

const { ACHIEVED, ON_TRACK, OFF_TRACK, NO_DATA } = IndicatorStatus;

describe("a framework summary, from the statuses members' subgraphs returned", () => {
  it('counts each status, rows without one as no data, and the rows of states without a subgraph as not connected', () => {
    // Six members answered, one failed (null), two run no subgraph (null, counted apart).
    const statuses = [OFF_TRACK, ON_TRACK, ACHIEVED, ON_TRACK, NO_DATA, OFF_TRACK, null, null, null];
    expect(summariseProgress(statuses, 2)).toEqual({
      rows: 9,
      connected: 7,
      reporting: 5,
      achieved: 1,
      onTrack: 2,
      offTrack: 2,
      noData: 2,
      notConnected: 2,
      onTrackShare: 0.6,
    });
  });

  it('matches no status to a state by its position: the rows in any order give the same summary', () => {
    const statuses = [OFF_TRACK, null, ACHIEVED, ON_TRACK, null, NO_DATA];
    const reversed = [...statuses].reverse();
    expect(summariseProgress(reversed, 1)).toEqual(summariseProgress(statuses, 1));
  });

  it('refuses counts that cannot be: more statuses and unconnected rows than rows', () => {
    expect(() => summariseProgress([ON_TRACK, OFF_TRACK], 1)).toThrow(/2 rows/);
  });

  it('has no on-track share while nobody reports', () => {
    expect(summariseProgress([null, NO_DATA], 1)).toMatchObject({ reporting: 0, noData: 1, notConnected: 1, onTrackShare: null });
  });

  it('counts coverage over the members that answered, with shares over all members', () => {
    const members = [
      { hasCurrentPlan: true, costed: true, hasMonitoringFramework: false, reportedLastCycle: true },
      { hasCurrentPlan: true, costed: false, hasMonitoringFramework: true, reportedLastCycle: false },
      null,
      null,
    ];
    expect(summariseCoverage(members, 1)).toEqual({
      members: 4,
      connected: 3,
      withCurrentPlan: 2,
      costed: 1,
      withMonitoringFramework: 1,
      reportedLastCycle: 1,
      currentPlanShare: 0.5,
      costedShare: 0.25,
      monitoringFrameworkShare: 0.25,
      reportedLastCycleShare: 0.25,
    });
  });
});
