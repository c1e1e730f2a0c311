import { shareOf } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { IndicatorStatus, MemberStatus } from '../common/enums.js';
import { listCountryCodes } from '../country/country.service.js';
import { listMembers, type Registry } from '../registry/registry.service.js';
import type { CoverageSummary, MemberCoverage } from './coverage.type.js';
import type { ProgressSummary } from './progress.type.js';

/** What the rows of a framework are read from: the countries, and the registered members (for the UN global indicators). */
export interface RowSources {
  dataSource: DataSource;
  registry: Registry;
}

/**
 * The states whose rows a framework shows, in English name order: its
 * members, or for the UN global indicators every connected member.
 */
export async function rowCountries(sources: RowSources, frameworkCode: string): Promise<string[]> {
  if (frameworkCode === 'UN_1325') return (await listMembers(sources.registry)).map((member) => member.countryCode).sort();
  return listCountryCodes(sources.dataSource, { framework: frameworkCode });
}

/** How many of the states run no NAP subgraph, from each state's own member status. */
export async function countNotConnected(countries: readonly string[], memberStatusOf: (countryCode: string) => Promise<MemberStatus>): Promise<number> {
  const statuses = await Promise.all(countries.map(memberStatusOf));
  return statuses.filter((status) => status === MemberStatus.NOT_CONNECTED).length;
}

/**
 * Counts over a progress view's rows, from the statuses the members'
 * subgraphs returned (`rows { status }`, which a summary requires) and how
 * many rows are of states that run no NAP subgraph. A row a member answered
 * carries its status (NO_DATA, or none, is no data). A row no member
 * answered reaches the summary as null: the gateway passes no status for
 * it, whether the state runs no subgraph (not connected, no error) or its
 * member failed in this request (MEMBER_UNAVAILABLE): the null rows beyond
 * the not-connected ones are unavailable, never no data. Statuses are
 * counted, never matched to a state by their position in the rows.
 */
export function summariseProgress(rows: readonly ({ status?: IndicatorStatus | null; isDemo?: boolean | null } | null | undefined)[], notConnected: number): ProgressSummary {
  const answeredRows = rows.filter((row): row is { status?: IndicatorStatus | null; isDemo?: boolean | null } => row != null);
  const answered = answeredRows.map((row) => row.status);
  const count = (status: IndicatorStatus) => answered.filter((given) => given === status).length;
  const achieved = count(IndicatorStatus.ACHIEVED);
  const onTrack = count(IndicatorStatus.ON_TRACK);
  const offTrack = count(IndicatorStatus.OFF_TRACK);
  const reporting = achieved + onTrack + offTrack;
  const unanswered = rows.length - answered.length;
  if (notConnected > unanswered) throw new Error(`summary of ${rows.length} rows got ${answered.length} answers and ${notConnected} rows not connected`);
  return {
    rows: rows.length,
    connected: rows.length - notConnected,
    reporting,
    achieved,
    onTrack,
    offTrack,
    noData: answered.length - reporting,
    notConnected,
    unavailable: unanswered - notConnected,
    onTrackShare: shareOf(achieved + onTrack, reporting),
    computedFromDemo: answeredRows.some((row) => row.isDemo === true),
  };
}

/**
 * Coverage counts over the members' answers (`members { … }`, which the
 * summary requires; null where a member gave none: not connected, or failed
 * in this request, which counts as unavailable), shares over all members.
 */
export function summariseCoverage(members: readonly (Partial<MemberCoverage> | null)[], notConnected: number): CoverageSummary {
  const unanswered = members.filter((member) => member == null).length;
  if (notConnected > unanswered) throw new Error(`coverage of ${members.length} members got ${members.length - unanswered} answers and ${notConnected} members not connected`);
  const count = (field: 'hasCurrentPlan' | 'costed' | 'hasMonitoringFramework' | 'reportedLastCycle') => members.filter((member) => member?.[field] === true).length;
  const share = (value: number) => shareOf(value, members.length);
  const withCurrentPlan = count('hasCurrentPlan');
  const costed = count('costed');
  const withMonitoringFramework = count('hasMonitoringFramework');
  const reportedLastCycle = count('reportedLastCycle');
  return {
    members: members.length,
    connected: members.length - notConnected,
    unavailable: unanswered - notConnected,
    withCurrentPlan,
    costed,
    withMonitoringFramework,
    reportedLastCycle,
    currentPlanShare: share(withCurrentPlan),
    costedShare: share(costed),
    monitoringFrameworkShare: share(withMonitoringFramework),
    reportedLastCycleShare: share(reportedLastCycle),
    computedFromDemo: members.some((member) => member?.isDemo === true),
  };
}
