import { IndicatorKind, type ReportedStatus } from '../common/enums.js';
import type { IndicatorEntity } from '../indicator/indicator.entity.js';
import { unitValueProblem } from '../indicator/indicator-values.js';
import { outsidePlanProblem, type PlanYears } from '../plan/plan-period.js';
import type { DisaggregatedValueRecord, MeasurementEntity } from './measurement.entity.js';
import { parsePeriod } from '../common/measurement-period.js';

/** What a client gives for one measurement, trimmed (blank text is null). */
export interface MeasurementValues {
  period: string;
  value: number | null;
  disaggregatedValues: DisaggregatedValueRecord[];
  narrative: string | null;
  source: string | null;
  reportedStatus: ReportedStatus | null;
}

/** A rule a measurement breaks; `field` is a path in MeasurementValues, e.g. "period" or "disaggregatedValues[1].dimension". */
export interface MeasurementProblem {
  field: string;
  message: string;
}

/**
 * Every rule `values` breaks as a measurement of `indicator` in `plan` (empty
 * when none): the period is well formed and inside the plan period (a plan
 * without a known start takes none); a quantitative indicator takes numbers
 * in its unit and no reported status; a qualitative one takes a narrative or
 * a reported status and no numbers. Shared by recordMeasurement (first
 * problem) and the CSV import (every problem of every row).
 */
export function measurementProblems(values: MeasurementValues, indicator: Pick<IndicatorEntity, 'code' | 'kind' | 'unit' | 'disaggregation'>, plan: PlanYears): MeasurementProblem[] {
  const problems: MeasurementProblem[] = [];
  const parsed = parsePeriod(values.period);
  if (!parsed) {
    problems.push({ field: 'period', message: `"${values.period}" is not a period: use 2023, 2023-H1, 2023-Q2 or 2023-06.` });
  } else {
    const outside = outsidePlanProblem(plan, parsed.year, parsed.year, `The period ${values.period}`);
    if (outside) problems.push({ field: 'period', message: outside });
  }

  if (indicator.kind === IndicatorKind.QUALITATIVE) {
    if (values.value !== null) {
      problems.push({ field: 'value', message: `Indicator ${indicator.code} is qualitative: it takes a narrative and a reported status, not a value.` });
    }
    if (values.disaggregatedValues.length > 0) {
      problems.push({ field: 'disaggregatedValues', message: `Indicator ${indicator.code} is qualitative: it takes no disaggregated values.` });
    }
    if (values.narrative === null && values.reportedStatus === null) {
      problems.push({ field: 'narrative', message: `A measurement of qualitative indicator ${indicator.code} needs a narrative or a reported status.` });
    }
    return problems;
  }

  if (values.reportedStatus !== null) {
    problems.push({ field: 'reportedStatus', message: `Indicator ${indicator.code} is quantitative: its status is computed from its values, not reported.` });
  }
  if (values.value !== null) {
    const problem = unitValueProblem(indicator.unit, values.value);
    if (problem) problems.push({ field: 'value', message: `The value ${problem}` });
  }
  const seen = new Set<string>();
  values.disaggregatedValues.forEach((entry, index) => {
    const at = `disaggregatedValues[${index}]`;
    if (!entry.dimension || !entry.category) {
      problems.push({ field: at, message: 'A disaggregated value needs a dimension and a category.' });
      return;
    }
    if (!indicator.disaggregation.includes(entry.dimension)) {
      const known = indicator.disaggregation.length > 0 ? indicator.disaggregation.join(', ') : 'none';
      problems.push({ field: `${at}.dimension`, message: `"${entry.dimension}" is not a dimension indicator ${indicator.code} is disaggregated by (${known}).` });
    }
    const key = `${entry.dimension}:${entry.category}`;
    if (seen.has(key)) problems.push({ field: at, message: `${key} is given twice.` });
    seen.add(key);
    if (entry.value !== null) {
      const problem = unitValueProblem(indicator.unit, entry.value);
      if (problem) problems.push({ field: `${at}.value`, message: `The value of ${key} ${problem}` });
    }
  });
  if (values.value === null && values.disaggregatedValues.length === 0) {
    problems.push({ field: 'value', message: `A measurement of quantitative indicator ${indicator.code} needs a value or disaggregated values.` });
  }
  return problems;
}

/** What a measurement lacks to be published: a quantitative one its value and source, a qualitative one its narrative and reported status. */
export function missingForPublication(measurement: MeasurementEntity, kind: IndicatorKind): string[] {
  const wanted: [string, unknown][] =
    kind === IndicatorKind.QUALITATIVE
      ? [
          ['narrative', measurement.narrative],
          ['reportedStatus', measurement.reportedStatus],
        ]
      : [
          ['value', measurement.value],
          ['source', measurement.source],
        ];
  return wanted.filter(([, value]) => value === null || value === '').map(([name]) => name);
}
