import type { ReportingCycleEntity, SubmissionReceiptEntity } from './reporting.entity.js';
import type { ReportingCycle, SubmissionReceipt } from './reporting.type.js';

export function toReportingCycle(row: ReportingCycleEntity): ReportingCycle {
  return {
    code: row.code,
    frameworkCode: row.frameworkCode,
    year: row.year,
    title: row.title,
    cadence: row.cadence,
    cadenceNote: row.cadenceNote,
    cadenceIllustrative: row.cadenceIllustrative,
    dueOn: row.dueOn,
    dueIllustrative: row.dueIllustrative,
    sources: row.sources,
  };
}

/** The end of a cycle's due day (UTC): a receipt after it is late. */
export const dueEndOf = (dueOn: string): Date => new Date(`${dueOn}T23:59:59.999Z`);

export function toReceipt(row: SubmissionReceiptEntity, dueOn: string): SubmissionReceipt {
  return {
    cycleCode: row.cycleCode,
    countryCode: row.countryCode,
    version: row.version,
    contentHash: row.contentHash,
    memberHashMatched: row.memberClaimedHash === row.contentHash,
    answered: row.answered,
    explained: row.explained,
    receivedAt: row.receivedAt.toISOString(),
    late: row.receivedAt.getTime() > dueEndOf(dueOn).getTime(),
  };
}
