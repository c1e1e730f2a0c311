import { canonicalJson, contentHashOf } from '@wps/kit';
import { MemberStatus } from '../../common/enums.js';
import type { SubmissionReceiptEntity } from '../reporting.entity.js';
import { memberRow, readSubmittedContent, summariseCycle } from '../reporting.service.js';
import { CycleMemberState, type ReportingCycle } from '../reporting.type.js';

const cycle: ReportingCycle = {
  code: 'AU_CRF-2024', frameworkCode: 'AU_CRF', year: 2024, title: 'AU CRF 2024', cadence: 'ANNUAL', cadenceNote: '', cadenceIllustrative: false,
  dueOn: '2025-03-31', dueIllustrative: true, sources: [],
};
const content = (countryCode: string, value = 41) => ({
  format: 'wps-submission/1', countryCode, frameworkCode: 'AU_CRF', year: 2024, version: 1,
  indicators: [{ code: 'AU-PAR-1', answered: true, explanation: null, national: [{ measurements: [{ period: '2024', value }] }] }, { code: 'AU-PRO-9', answered: false, explanation: 'not collected', national: [] }],
});
const answer = (countryCode: string, body: unknown) => ({ countryCode, frameworkCode: 'AU_CRF', year: 2024, submittedVersion: 1, submittedContent: canonicalJson(body), submittedContentHash: null });
const receipt = (countryCode: string, contentHash: string): SubmissionReceiptEntity => ({
  id: '1', cycleCode: cycle.code, countryCode, version: 1, contentHash, memberClaimedHash: contentHash, answered: 1, explained: 1, receivedAt: new Date('2026-01-10T00:00:00Z'), receivedFrom: 'focal-point:KE',
});

describe("the hub's reading of a member's submitted content", () => {
  it('hashes the content itself (canonical JSON, whatever the spacing or key order the member sent) and counts answered and explained indicators', () => {
    const body = content('KE');
    const spaced = { ...answer('KE', body), submittedContent: JSON.stringify(body, null, 2) };
    expect(readSubmittedContent(spaced)).toEqual({ hash: contentHashOf(body), content: { countryCode: 'KE', frameworkCode: 'AU_CRF', year: 2024, version: 1, answered: 1, explained: 1 } });
  });

  it("refuses content that names another member, cycle or version than the question it answers: one member cannot hand in (or vouch for) another's", () => {
    expect(readSubmittedContent(answer('KE', content('NG')))).toBeNull();
    expect(readSubmittedContent({ ...answer('KE', content('KE')), year: 2023 })).toBeNull();
    expect(readSubmittedContent({ ...answer('KE', content('KE')), submittedVersion: 2 })).toBeNull();
    expect(readSubmittedContent({ ...answer('KE', content('KE')), submittedContent: '{not json' })).toBeNull();
  });

  it('says SUBMITTED while the content agrees with the receipt, RECEIPT_DISAGREES once it changes, LATE without a receipt past the due date, OPEN before it', () => {
    const now = new Date('2026-12-02T00:00:00Z');
    const receipts = [receipt('KE', contentHashOf(content('KE')))];
    expect(memberRow(cycle, 'KE', MemberStatus.ACTIVE, receipts, answer('KE', content('KE')), now)).toMatchObject({ state: CycleMemberState.SUBMITTED, receiptAgrees: true, gaps: 1, receipt: { late: true } });
    expect(memberRow(cycle, 'KE', MemberStatus.ACTIVE, receipts, answer('KE', content('KE', 42)), now)).toMatchObject({ state: CycleMemberState.RECEIPT_DISAGREES, receiptAgrees: false });
    expect(memberRow(cycle, 'KE', MemberStatus.ACTIVE, receipts, null, now)).toMatchObject({ state: CycleMemberState.SUBMITTED, receiptAgrees: null });
    expect(memberRow(cycle, 'NG', MemberStatus.ACTIVE, receipts, null, now)).toMatchObject({ state: CycleMemberState.LATE, receipt: null });
    expect(memberRow(cycle, 'NG', MemberStatus.ACTIVE, receipts, null, new Date('2025-03-31T12:00:00Z'))).toMatchObject({ state: CycleMemberState.OPEN });
    const rows = [memberRow(cycle, 'KE', MemberStatus.ACTIVE, receipts, answer('KE', content('KE')), now), memberRow(cycle, 'NG', MemberStatus.ACTIVE, receipts, null, now)];
    expect(summariseCycle(rows)).toEqual({ members: 2, submitted: 1, submittedLate: 1, withGaps: 1, late: 1, open: 0, disagreements: 0 });
  });
});
