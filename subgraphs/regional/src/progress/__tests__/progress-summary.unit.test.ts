import { IndicatorStatus } from '../../common/enums.js';
import { summariseCoverage, summariseProgress } from '../progress.service.js';

const { ACHIEVED, ON_TRACK, OFF_TRACK, NO_DATA } = IndicatorStatus;
/** Rows as the gateway passes them under @requires: a member's answer, or null where no member answered. */
const rowsOf = (statuses: (IndicatorStatus | null | 'unanswered')[]) => statuses.map((status) => (status === 'unanswered' ? null : { status }));

describe("a framework summary, from the statuses members' subgraphs returned", () => {
  it('counts each status, answered rows without one as no data, the rows of states without a subgraph as not connected, and failed members as unavailable', () => {
    // Seven members answered (one with no status at all), one failed and two run no subgraph (no answer: null rows, counted apart).
    const rows = rowsOf([OFF_TRACK, ON_TRACK, ACHIEVED, ON_TRACK, NO_DATA, OFF_TRACK, null, 'unanswered', 'unanswered', 'unanswered']);
    expect(summariseProgress(rows, 2)).toEqual({
      rows: 10,
      connected: 8,
      reporting: 5,
      achieved: 1,
      onTrack: 2,
      offTrack: 2,
      noData: 2,
      notConnected: 2,
      unavailable: 1,
      onTrackShare: 0.6,
      computedFromDemo: false,
    });
  });

  it('says it is computed from demo values when any answered row is, and only then', () => {
    const rows = [{ status: ON_TRACK, isDemo: false }, { status: OFF_TRACK, isDemo: true }, null];
    expect(summariseProgress(rows, 1).computedFromDemo).toBe(true);
    expect(summariseProgress([rows[0]!, null], 1).computedFromDemo).toBe(false);
    expect(summariseCoverage([{ costed: true, isDemo: true }, null], 1).computedFromDemo).toBe(true);
    expect(summariseCoverage([{ costed: true, isDemo: false }, null], 1).computedFromDemo).toBe(false);
  });

  it('matches no status to a state by its position: the rows in any order give the same summary', () => {
    const rows = rowsOf([OFF_TRACK, 'unanswered', ACHIEVED, ON_TRACK, 'unanswered', NO_DATA]);
    const reversed = [...rows].reverse();
    expect(summariseProgress(reversed, 1)).toEqual(summariseProgress(rows, 1));
    expect(summariseProgress(rows, 1)).toMatchObject({ notConnected: 1, unavailable: 1, noData: 1 });
  });

  it('refuses counts that cannot be: more answers and unconnected rows than rows', () => {
    expect(() => summariseProgress(rowsOf([ON_TRACK, OFF_TRACK]), 1)).toThrow(/2 rows/);
    expect(() => summariseProgress(rowsOf([NO_DATA, 'unanswered']), 2)).toThrow(/2 rows/);
  });

  it('has no on-track share while nobody reports', () => {
    expect(summariseProgress(rowsOf(['unanswered', NO_DATA]), 1)).toMatchObject({ reporting: 0, noData: 1, notConnected: 1, unavailable: 0, onTrackShare: null });
  });

  it('counts coverage over the members that answered, the failed ones as unavailable, with shares over all members', () => {
    const members = [
      { hasCurrentPlan: true, costed: true, hasMonitoringFramework: false, reportedLastCycle: true },
      { hasCurrentPlan: true, costed: false, hasMonitoringFramework: true, reportedLastCycle: false },
      null,
      null,
    ];
    expect(summariseCoverage(members, 1)).toEqual({
      members: 4,
      connected: 3,
      unavailable: 1,
      withCurrentPlan: 2,
      costed: 1,
      withMonitoringFramework: 1,
      reportedLastCycle: 1,
      currentPlanShare: 0.5,
      costedShare: 0.25,
      monitoringFrameworkShare: 0.25,
      reportedLastCycleShare: 0.25,
      computedFromDemo: false,
    });
  });
});
