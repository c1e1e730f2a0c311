import { TZDate } from '@date-fns/tz';

/** When a session takes place, as stored. */
export interface SessionSchedule {
  /** As recorded or scheduled: an ISO date, or a date-time with its UTC offset. */
  startsAt: string;
  endsAt: string | null;
  /** IANA time zone of a timed session; null for a date-only one. */
  timeZone: string | null;
  startInstant: Date;
  /** Exclusive end; null when not known. */
  endInstant: Date | null;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

/** True when the runtime knows `name` as an IANA time zone. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The fixed-offset IANA zone of a recorded UTC offset ("-05:00" → "Etc/GMT+5";
 * the Etc zones count the other way). Real sessions are recorded with an
 * offset only: a fixed zone says exactly that and no more. Null for offsets
 * that are not whole hours (no Etc zone exists for them).
 */
export function fixedOffsetZone(offset: string): string | null {
  if (offset === 'Z' || offset === '+00:00' || offset === '-00:00') return 'UTC';
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match || match[3] !== '00') return null;
  const hours = Number(match[2]);
  return `Etc/GMT${match[1] === '+' ? '-' : '+'}${hours}`;
}

function dateOnlyInstant(value: string): Date {
  const [, year, month, day] = DATE_ONLY.exec(value)!;
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

/**
 * The schedule of a session recorded as in data/knowledge.json: an ISO date
 * (a date-only session lasts whole days, end exclusive) or a date-time with
 * its UTC offset.
 */
export function scheduleFromRecord(starts: string, ends?: string | null): SessionSchedule {
  if (DATE_ONLY.test(starts)) {
    const last = ends && DATE_ONLY.test(ends) ? ends : starts;
    return { startsAt: starts, endsAt: ends ?? null, timeZone: null, startInstant: dateOnlyInstant(starts), endInstant: new Date(dateOnlyInstant(last).getTime() + DAY_MS) };
  }
  if (!DATE_TIME.test(starts)) throw new Error(`session start "${starts}" is neither an ISO date nor a date-time with an offset`);
  const offset = /(Z|[+-]\d{2}:\d{2})$/.exec(starts)![1]!;
  return {
    startsAt: starts,
    endsAt: ends ?? null,
    timeZone: fixedOffsetZone(offset),
    startInstant: new Date(starts),
    endInstant: ends ? new Date(ends) : null,
  };
}

/** "2026-12-08T14:00:00+03:00": the wall-clock time in its zone, with the zone's offset then. */
export function isoWithOffset(date: TZDate): string {
  return date.toISOString().replace(/\.\d{3}(?=[+-]|Z)/, '');
}

/** A schedule that cannot be: names the part that is wrong. */
export class ScheduleError extends RangeError {
  constructor(
    readonly part: 'timeZone' | 'localStart' | 'localEnd',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The schedule of a session given as local wall-clock times ("YYYY-MM-DDTHH:mm")
 * in an IANA time zone. Throws ScheduleError naming what is wrong.
 */
export function scheduleInZone(localStart: string, localEnd: string, timeZone: string): SessionSchedule {
  if (!isTimeZone(timeZone)) throw new ScheduleError('timeZone', `"${timeZone}" is not an IANA time zone`);
  const at = (value: string, part: 'localStart' | 'localEnd') => {
    const match = LOCAL_DATE_TIME.exec(value);
    if (!match) throw new ScheduleError(part, `must be a local date-time YYYY-MM-DDTHH:mm, got "${value}"`);
    const [, year, month, day, hour, minute] = match.map(Number) as number[];
    const date = new TZDate(year!, month! - 1, day!, hour!, minute!, 0, 0, timeZone);
    if (Number.isNaN(date.getTime()) || date.getMonth() !== month! - 1 || hour! > 23 || minute! > 59) throw new ScheduleError(part, `"${value}" is not a calendar date-time`);
    return date;
  };
  const start = at(localStart, 'localStart');
  const end = at(localEnd, 'localEnd');
  if (end.getTime() <= start.getTime()) throw new ScheduleError('localEnd', 'must be after the start');
  return { startsAt: isoWithOffset(start), endsAt: isoWithOffset(end), timeZone, startInstant: new Date(start.getTime()), endInstant: new Date(end.getTime()) };
}

/** A session is past once it has ended (or, without an end, once it has started). */
export function hasEnded(schedule: Pick<SessionSchedule, 'startInstant' | 'endInstant'>, now: Date): boolean {
  return (schedule.endInstant ?? schedule.startInstant).getTime() <= now.getTime();
}
