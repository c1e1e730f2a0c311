import type { AuStatusChangeEntity, PublicNapIterationEntity } from './public-record.entity.js';
import { AuStatusChangeKind, DatePrecision, type AuStatusChange, type PublicNapIteration, type RecordDate } from './public-record.type.js';

const PRECISION_BY_LENGTH: Record<number, DatePrecision> = { 4: DatePrecision.YEAR, 7: DatePrecision.MONTH, 10: DatePrecision.DAY };

/** A stored partial ISO date with the precision it has ("2016" YEAR, "2016-05" MONTH, "2016-05-12" DAY). */
export function toRecordDate(value: string): RecordDate {
  const precision = PRECISION_BY_LENGTH[value.length];
  if (!precision) throw new Error(`a recorded date is not YYYY, YYYY-MM or YYYY-MM-DD: ${value}`);
  return { value, precision };
}

export function toPublicNapIteration(row: PublicNapIterationEntity): PublicNapIteration {
  return {
    countryCode: row.countryCode,
    iteration: row.iteration,
    period: { start: row.periodStart, end: row.periodEnd },
    adopted: row.adoptedOn === null ? null : toRecordDate(row.adoptedOn),
    sources: row.sources,
    verified: row.verified,
    note: row.note,
    sourceConflict: row.sourceConflict,
  };
}

export function toAuStatusChange(row: AuStatusChangeEntity): AuStatusChange {
  return {
    change: row.change as AuStatusChangeKind,
    date: toRecordDate(row.date),
    detail: row.detail,
    sources: row.sources,
    sourceConflict: row.sourceConflict,
  };
}
