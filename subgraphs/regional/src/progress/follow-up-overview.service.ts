import type { FollowUpSummary, MemberFollowUps } from './follow-up-overview.type.js';

/**
 * A framework's follow-up summary over the members' answers (`members {
 * overdue open done isDemo }`, which the summary requires; null where a
 * member gave none: not connected, or failed in this request). A member
 * that failed is unavailable, never a member with nothing overdue.
 */
export function summariseFollowUps(members: readonly (Partial<MemberFollowUps> | null)[], notConnected: number): FollowUpSummary {
  const unanswered = members.filter((member) => member == null || typeof member.overdue !== 'number').length;
  if (notConnected > unanswered) throw new Error(`follow-ups of ${members.length} members got ${members.length - unanswered} answers and ${notConnected} members not connected`);
  const answered = members.filter((member): member is Partial<MemberFollowUps> & { overdue: number } => typeof member?.overdue === 'number');
  const reporting = answered.filter((member) => member.overdue + (member.open ?? 0) + (member.done ?? 0) > 0);
  return {
    members: members.length,
    connected: members.length - notConnected,
    unavailable: unanswered - notConnected,
    reporting: reporting.length,
    totalOverdue: answered.reduce((total, member) => total + member.overdue, 0),
    membersWithOverdue: answered.filter((member) => member.overdue > 0).length,
    computedFromDemo: reporting.some((member) => member.isDemo === true),
  };
}
