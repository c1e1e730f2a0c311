import { badInput, contentHashOf, ErrorCode, HubError, recordAudit, requireFocalPointOf, type Principal } from '@wps/kit';
import type { DataSource } from 'typeorm';
import { MemberStatus } from '../common/enums.js';
import { cycleCodeOf } from './reporting-cycle.seed.js';
import { SubmissionReceiptEntity } from './reporting.entity.js';
import { dueEndOf, toReceipt } from './reporting.mapper.js';
import { CycleMemberState, type CycleMemberRow, type CycleSummary, type MemberCycleSubmission, type ReportingCycle, type SubmissionReceipt } from './reporting.type.js';

/** What the hub reads from a submission's content (the member's canonical JSON): enough to check it is the one asked for and to count it. */
interface ReceivedContent {
  countryCode: string;
  frameworkCode: string;
  year: number;
  version: number;
  answered: number;
  explained: number;
}

/** The content a member returned, parsed and checked against the question it answers; its hash is the hub's own. */
export function readSubmittedContent(submission: MemberCycleSubmission): { content: ReceivedContent; hash: string } | null {
  if (typeof submission.submittedContent !== 'string' || typeof submission.submittedVersion !== 'number') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(submission.submittedContent);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const value = parsed as Record<string, unknown>;
  const indicators = Array.isArray(value.indicators) ? (value.indicators as Record<string, unknown>[]) : [];
  const content: ReceivedContent = {
    countryCode: String(value.countryCode),
    frameworkCode: String(value.frameworkCode),
    year: Number(value.year),
    version: Number(value.version),
    answered: indicators.filter((indicator) => indicator?.answered === true).length,
    explained: indicators.filter((indicator) => indicator?.answered !== true && typeof indicator?.explanation === 'string').length,
  };
  const matches =
    content.countryCode === submission.countryCode &&
    content.frameworkCode === submission.frameworkCode &&
    content.year === submission.year &&
    content.version === submission.submittedVersion;
  return matches ? { content, hash: contentHashOf(parsed) } : null;
}

/**
 * Record the hub's receipt of the version a member returned through the
 * gateway (as the answer to its focal point's submitSubmission). The hash is
 * the hub's own, of the content the member returned, not the member's claim.
 * A version already received is never replaced: its receipt is returned as it
 * stands (and a different content shows as a disagreement in the cycle's status).
 */
export async function recordReceipt(dataSource: DataSource, principal: Principal, cycle: ReportingCycle, submission: MemberCycleSubmission): Promise<SubmissionReceipt> {
  requireFocalPointOf(principal, submission.countryCode, "record a receipt of this member state's submission");
  const received = readSubmittedContent(submission);
  if (!received) {
    throw new HubError(ErrorCode.BAD_USER_INPUT, `The member returned no submitted version of ${cycle.code} the hub could read: submit it first.`, { country: submission.countryCode });
  }
  return dataSource.transaction(async (manager) => {
    const key = { cycleCode: cycle.code, countryCode: submission.countryCode, version: received.content.version };
    const existing = await manager.findOneBy(SubmissionReceiptEntity, key);
    if (existing) return toReceipt(existing, cycle.dueOn);
    const inserted = (await manager.query(
      `INSERT INTO public.submission_receipt (cycle_code, country_code, version, content_hash, member_claimed_hash, answered, explained, received_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (cycle_code, country_code, version) DO NOTHING RETURNING id`,
      [cycle.code, submission.countryCode, received.content.version, received.hash, submission.submittedContentHash ?? null, received.content.answered, received.content.explained, principal.subject],
    )) as { id: string }[];
    const row = await manager.findOneByOrFail(SubmissionReceiptEntity, key);
    if (inserted.length > 0) {
      await recordAudit(manager, {
        actor: principal.subject,
        action: 'submitSubmission',
        entity: 'submission_receipt',
        entityId: String(row.id),
        countryCode: submission.countryCode,
        after: { cycleCode: row.cycleCode, version: row.version, contentHash: row.contentHash, memberClaimedHash: row.memberClaimedHash },
      });
    }
    return toReceipt(row, cycle.dueOn);
  });
}

/** The cycle a member's submission answers, or BAD_USER_INPUT. */
export function requireCycle(cycle: ReportingCycle | null, submission: Pick<MemberCycleSubmission, 'frameworkCode' | 'year'>): ReportingCycle {
  if (!cycle) throw badInput('year', `${cycleCodeOf(submission.frameworkCode, submission.year)} is not a reporting cycle of the hub.`);
  return cycle;
}

/**
 * One member's row: from the hub's latest receipt, and from what the member
 * returned now (`answered`: null when it did not answer, or is not connected).
 */
export function memberRow(
  cycle: ReportingCycle,
  countryCode: string,
  memberStatus: MemberStatus,
  receipts: readonly SubmissionReceiptEntity[],
  answered: MemberCycleSubmission | null,
  now: Date,
): CycleMemberRow {
  const latest = receipts.filter((receipt) => receipt.countryCode === countryCode).at(-1) ?? null;
  const receipt = latest ? toReceipt(latest, cycle.dueOn) : null;
  let receiptAgrees: boolean | null = null;
  if (latest && answered) {
    const current = readSubmittedContent(answered);
    receiptAgrees = current !== null && current.content.version === latest.version && current.hash === latest.contentHash;
  }
  const state = latest
    ? receiptAgrees === false
      ? CycleMemberState.RECEIPT_DISAGREES
      : CycleMemberState.SUBMITTED
    : now.getTime() > dueEndOf(cycle.dueOn).getTime()
      ? CycleMemberState.LATE
      : CycleMemberState.OPEN;
  return { countryCode, memberStatus, state, receipt, receiptAgrees, gaps: receipt ? receipt.explained : null };
}

export function summariseCycle(rows: readonly CycleMemberRow[]): CycleSummary {
  const count = (test: (row: CycleMemberRow) => boolean) => rows.filter(test).length;
  return {
    members: rows.length,
    submitted: count((row) => row.state === CycleMemberState.SUBMITTED),
    submittedLate: count((row) => row.state === CycleMemberState.SUBMITTED && row.receipt?.late === true),
    withGaps: count((row) => row.receipt !== null && row.receipt.explained > 0),
    late: count((row) => row.state === CycleMemberState.LATE),
    open: count((row) => row.state === CycleMemberState.OPEN),
    disagreements: count((row) => row.state === CycleMemberState.RECEIPT_DISAGREES),
  };
}
