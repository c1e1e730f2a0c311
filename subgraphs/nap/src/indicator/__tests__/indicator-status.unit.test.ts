import { IndicatorKind, IndicatorStatus, ReportedStatus } from '../../common/enums.js';
import { computeIndicatorStatus, elapsedShareAt, type StatusInput } from '../indicator-status.js';

/** DOMAIN.md's worked example: b = 10, t = 20, plan 2020–2024, value dated end of 2022 (e = 0.6). */
const example = (value: number | null, period = '2022'): StatusInput => ({
  kind: IndicatorKind.QUANTITATIVE,
  baseline: 10,
  target: 20,
  targetYear: 2024,
  plan: { start: 2020, end: 2024 },
  latest: value === null && period === '' ? null : { period, value, reportedStatus: null },
});

describe('the indicator status rule', () => {
  it('dates a value at the end of its period: 2022 in a 2020–2024 plan is e = 0.6', () => {
    expect(elapsedShareAt('2022', 2020, 2024)).toBe(0.6);
    expect(elapsedShareAt('2022-H1', 2020, 2024)).toBe(0.5);
    expect(elapsedShareAt('2022-Q1', 2020, 2024)).toBe(0.45);
    expect(elapsedShareAt('2019', 2020, 2024)).toBe(0);
    expect(elapsedShareAt('2030', 2020, 2024)).toBe(1);
  });

  it('is ON_TRACK for v = 15 (p 0.5 ≥ 0.48)', () => {
    expect(computeIndicatorStatus(example(15))).toEqual({ status: IndicatorStatus.ON_TRACK, progress: 0.5, elapsedShare: 0.6 });
  });

  it('is OFF_TRACK for v = 13 (p 0.3 < 0.48)', () => {
    expect(computeIndicatorStatus(example(13)).status).toBe(IndicatorStatus.OFF_TRACK);
    expect(computeIndicatorStatus(example(13)).progress).toBeCloseTo(0.3);
  });

  it('is ACHIEVED for v = 21 (p 1.1 ≥ 1)', () => {
    expect(computeIndicatorStatus(example(21)).status).toBe(IndicatorStatus.ACHIEVED);
  });

  it('works for falling targets: b = 40, t = 20, v = 30 is p 0.5', () => {
    const falling = { ...example(30), baseline: 40, target: 20 };
    expect(computeIndicatorStatus(falling)).toEqual({ status: IndicatorStatus.ON_TRACK, progress: 0.5, elapsedShare: 0.6 });
    expect(computeIndicatorStatus({ ...falling, latest: { period: '2022', value: 45, reportedStatus: null } }).status).toBe(IndicatorStatus.OFF_TRACK);
  });

  it('is NO_DATA without a published value, or without a baseline and target to compare with', () => {
    expect(computeIndicatorStatus({ ...example(15), latest: null }).status).toBe(IndicatorStatus.NO_DATA);
    expect(computeIndicatorStatus({ ...example(15), baseline: null }).status).toBe(IndicatorStatus.NO_DATA);
    expect(computeIndicatorStatus({ ...example(15), target: null }).status).toBe(IndicatorStatus.NO_DATA);
  });

  it('judges an open-ended plan against the target year, and without either against the whole period', () => {
    const openEnded = { ...example(15), plan: { start: 2020, end: null } };
    expect(computeIndicatorStatus(openEnded)).toEqual({ status: IndicatorStatus.ON_TRACK, progress: 0.5, elapsedShare: 0.6 });
    expect(computeIndicatorStatus({ ...openEnded, targetYear: null }).status).toBe(IndicatorStatus.OFF_TRACK);
  });

  it('gives qualitative indicators the status their reporter gives', () => {
    const qualitative = { ...example(null), kind: IndicatorKind.QUALITATIVE, baseline: null, target: null };
    expect(computeIndicatorStatus({ ...qualitative, latest: { period: '2022', value: null, reportedStatus: ReportedStatus.ON_TRACK } }).status).toBe(
      IndicatorStatus.ON_TRACK,
    );
    expect(computeIndicatorStatus({ ...qualitative, latest: { period: '2022', value: null, reportedStatus: null } }).status).toBe(IndicatorStatus.NO_DATA);
  });
});
