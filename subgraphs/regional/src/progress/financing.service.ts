import { roundShare } from '@wps/kit';
import type { FinancingSummary, MemberFinancing } from './financing.type.js';

/**
 * A framework's financing summary over the members' answers (`members {
 * shareToCivilSociety shareToGrassroots isDemo }`, which the summary
 * requires; null where a member gave none: not connected, or failed in this
 * request). Shares are ratios within each member's own currency, so they can
 * be averaged; amounts in different currencies never are.
 */
export function summariseFinancing(members: readonly (Partial<MemberFinancing> | null)[], notConnected: number): FinancingSummary {
  const unanswered = members.filter((member) => member == null).length;
  if (notConnected > unanswered) throw new Error(`financing of ${members.length} members got ${members.length - unanswered} answers and ${notConnected} members not connected`);
  const reporting = members.filter((member): member is Partial<MemberFinancing> & { shareToCivilSociety: number } => typeof member?.shareToCivilSociety === 'number');
  const mean = (values: readonly number[]) => (values.length === 0 ? null : roundShare(values.reduce((total, value) => total + value, 0) / values.length));
  const civil = reporting.map((member) => member.shareToCivilSociety);
  const demoMembers = reporting.filter((member) => member.isDemo === true).length;
  return {
    members: members.length,
    connected: members.length - notConnected,
    unavailable: unanswered - notConnected,
    reporting: reporting.length,
    meanShareToCivilSociety: mean(civil),
    meanShareToGrassroots: mean(reporting.map((member) => member.shareToGrassroots ?? 0)),
    minShareToCivilSociety: civil.length === 0 ? null : Math.min(...civil),
    maxShareToCivilSociety: civil.length === 0 ? null : Math.max(...civil),
    demoMembers,
    computedFromDemo: demoMembers > 0,
  };
}
