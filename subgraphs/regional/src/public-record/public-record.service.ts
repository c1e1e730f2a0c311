import { shareOf } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { toPublicNapIteration } from './public-record.mapper.js';
import type { PublicNapIterationEntity, PublicRecordSourceEntity } from './public-record.entity.js';
import { RecordField, type PublicNapIteration, type PublicRecordCheck, type PublicRecordCoverage, type RecordDifference, type RecordDisagreement } from './public-record.type.js';

/** The recorded NAP in force in a year: the latest whose recorded period (both years known) covers it; null when none does. */
export function currentIteration(iterations: readonly PublicNapIteration[], year: number): PublicNapIteration | null {
  const covering = iterations.filter(({ period }) => period.start !== null && period.end !== null && period.start <= year && year <= period.end);
  return covering.sort((a, b) => b.iteration - a.iteration)[0] ?? null;
}

/** The latest recorded NAP started by the year with no recorded end: open-ended or not known, so the record cannot tell it current. */
export function isOpenEnded(iterations: readonly PublicNapIteration[], year: number): boolean {
  const latest = [...iterations].sort((a, b) => b.iteration - a.iteration)[0];
  return latest !== undefined && latest.period.end === null && latest.period.start !== null && latest.period.start <= year;
}

/**
 * Coverage of a framework by the public record: every member state counted
 * (a state the record does not list has no known NAP), connected or not.
 */
export function summariseRecordCoverage(
  members: readonly string[],
  iterationsOf: (countryCode: string) => readonly PublicNapIteration[],
  year: number,
  source: Pick<PublicRecordSourceEntity, 'description' | 'gathered'>,
): PublicRecordCoverage {
  const records = members.map(iterationsOf);
  const withNap = records.filter((iterations) => iterations.length > 0).length;
  const withCurrentNap = records.filter((iterations) => currentIteration(iterations, year) !== null).length;
  const withOpenEndedNap = records.filter((iterations) => currentIteration(iterations, year) === null && isOpenEnded(iterations, year)).length;
  const withSecondGeneration = records.filter((iterations) => iterations.some((entry) => entry.iteration >= 2)).length;
  return {
    source: `Public record of NAPs (data/naps.json, gathered ${source.gathered}): ${source.description}`,
    gathered: source.gathered,
    year,
    members: members.length,
    withNap,
    withCurrentNap,
    withOpenEndedNap,
    withSecondGeneration,
    withoutNap: members.length - withNap,
    napShare: shareOf(withNap, members.length),
    currentNapShare: shareOf(withCurrentNap, members.length),
    secondGenerationShare: shareOf(withSecondGeneration, members.length),
  };
}

/** A framework's members and their recorded NAPs, in two statements. */
export async function readFrameworkRecord(dataSource: DataSource, frameworkCode: string): Promise<{ members: string[]; iterations: Map<string, PublicNapIteration[]> }> {
  const members = ((await dataSource.query('SELECT country_code FROM membership WHERE framework_code = $1 ORDER BY country_code', [frameworkCode])) as { country_code: string }[]).map(
    (row) => row.country_code,
  );
  const rows = (await dataSource.query(
    `SELECT country_code AS "countryCode", iteration, period_start AS "periodStart", period_end AS "periodEnd", adopted_on AS "adoptedOn", note,
            source_conflict AS "sourceConflict", verified, sources
       FROM public_nap_iteration WHERE country_code = ANY($1::text[]) ORDER BY country_code, iteration`,
    [members],
  )) as PublicNapIterationEntity[];
  const iterations = new Map<string, PublicNapIteration[]>();
  for (const row of rows) iterations.set(row.countryCode, [...(iterations.get(row.countryCode) ?? []), toPublicNapIteration(row)]);
  return { members, iterations };
}

/** What a member's plan says of the facts the record also gives (the fields regional @requires). */
export interface PlanFacts {
  iteration: number;
  period?: { start?: number | null; end?: number | null } | null;
  adoptedOn?: string | null;
}

/** Dates of different precision agree when one begins with the other ("2016-05" and "2016-05-12"). */
const datesAgree = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
const text = (value: number | string | null | undefined) => (value === null || value === undefined ? null : String(value));

/**
 * A member's plan against the record's NAP of the same iteration. A fact
 * the record gives that the plan does not match is a difference (the plan
 * giving none included); a fact the record lacks is none. A plan the record
 * does not list differs in its iteration.
 */
export function compareWithRecord(plan: PlanFacts, record: PublicNapIteration | null): PublicRecordCheck {
  if (!record) return { agrees: false, differences: [{ field: RecordField.ITERATION, memberValue: String(plan.iteration), recordValue: null }], record: null };
  const differences: RecordDifference[] = [];
  const start = plan.period?.start ?? null;
  const end = plan.period?.end ?? null;
  if (record.period.start !== null && start !== record.period.start) differences.push({ field: RecordField.PERIOD_START, memberValue: text(start), recordValue: text(record.period.start) });
  if (record.period.end !== null && end !== record.period.end) differences.push({ field: RecordField.PERIOD_END, memberValue: text(end), recordValue: text(record.period.end) });
  const adopted = plan.adoptedOn ?? null;
  if (record.adopted !== null && (adopted === null || !datesAgree(adopted, record.adopted.value))) {
    differences.push({ field: RecordField.ADOPTED_ON, memberValue: adopted, recordValue: record.adopted.value });
  }
  return { agrees: differences.length === 0, differences, record };
}

/**
 * A member's plans against the record of its NAPs, by iteration: each plan's
 * differences (compareWithRecord), then each recorded NAP the member has no
 * plan for (ITERATION, member value null); in iteration order.
 */
export function compareCountryWithRecord(plans: readonly PlanFacts[], record: readonly PublicNapIteration[]): RecordDisagreement[] {
  const disagreements: RecordDisagreement[] = [];
  const iterations = [...new Set([...plans.map((plan) => plan.iteration), ...record.map((entry) => entry.iteration)])].sort((a, b) => a - b);
  for (const iteration of iterations) {
    const recorded = record.find((entry) => entry.iteration === iteration) ?? null;
    const own = plans.filter((plan) => plan.iteration === iteration);
    if (own.length === 0) disagreements.push({ iteration, field: RecordField.ITERATION, memberValue: null, recordValue: String(iteration) });
    for (const plan of own) for (const difference of compareWithRecord(plan, recorded).differences) disagreements.push({ iteration, ...difference });
  }
  return disagreements;
}
