import { IndicatorStatus, MemberStatus } from '../enums.js';

export interface SummaryRow {
  status: IndicatorStatus | null | undefined;
  memberStatus: MemberStatus;
}

/**
 * Count rows: a connected member's row counts by its status, and as no data
 * when it has none or its subgraph failed (status null); rows of members
 * without a subgraph count as not connected.
 */
export function summarise(rows: readonly SummaryRow[]) {
  let achieved = 0;
  let onTrack = 0;
  let offTrack = 0;
  let noData = 0;
  let notConnected = 0;
  for (const row of rows) {
    if (row.memberStatus === MemberStatus.NOT_CONNECTED) notConnected += 1;
    else if (row.status === IndicatorStatus.ACHIEVED) achieved += 1;
    else if (row.status === IndicatorStatus.ON_TRACK) onTrack += 1;
    else if (row.status === IndicatorStatus.OFF_TRACK) offTrack += 1;
    else noData += 1;
  }
  const reporting = achieved + onTrack + offTrack;
  return {
    rows: rows.length,
    connected: rows.length - notConnected,
    reporting,
    achieved,
    onTrack,
    offTrack,
    noData,
    notConnected,
    onTrackShare: reporting > 0 ? Math.round(((achieved + onTrack) / reporting) * 10_000) / 10_000 : null,
  };
}
