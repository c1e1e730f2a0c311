import { TZDate } from '@date-fns/tz';
import { ICalCalendar, ICalCalendarMethod } from 'ical-generator';
import type { LearningSession } from './session.type.js';

const PRODUCT_ID = '//WPS Federation Hub//Knowledge exchange//EN';

/** "+0300" for an offset of 180 minutes east of UTC. */
function icsOffset(minutesEast: number): string {
  const sign = minutesEast < 0 ? '-' : '+';
  const absolute = Math.abs(minutesEast);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`;
}

/**
 * A VTIMEZONE for one event (RFC 5545 wants one per TZID): the zone's UTC
 * offset at the session, which is all a single, non-recurring event needs.
 * Calendar clients that know the IANA name use their own rules anyway.
 */
function vtimezone(zone: string, at: Date): string {
  const offset = icsOffset(-new TZDate(at.getTime(), zone).getTimezoneOffset());
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`,
    `TZOFFSETTO:${offset}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}

function description(session: LearningSession): string {
  const lines: string[] = [];
  if (session.isDemo) lines.push('Demo session generated for the demo network (not a real event).');
  if (session.summary) lines.push(session.summary);
  if (session.hosts.length > 0) lines.push(`Hosts: ${session.hosts.join(', ')}`);
  if (session.access) lines.push(`Access: ${session.access.replace(/_/g, ' ').toLowerCase()}`);
  if (session.chathamHouse) lines.push('Held under the Chatham House rule.');
  if (session.objectives.length > 0) lines.push('Objectives:', ...session.objectives.map((objective) => `- ${objective}`));
  if (session.guidingQuestions.length > 0) lines.push('Guiding questions:', ...session.guidingQuestions.map((question) => `- ${question}`));
  if (session.modules.length > 0) lines.push('Modules:', ...session.modules.map((module) => `- ${module}`));
  if (session.outcomes.length > 0) lines.push('Outcomes:', ...session.outcomes.map((outcome) => `- ${outcome}`));
  return lines.join('\n');
}

/**
 * The session as an iCalendar (RFC 5545) document: one VEVENT with a stable
 * UID, DTSTART/DTEND in the session's time zone (TZID, with its VTIMEZONE),
 * or whole days for a date-only session; SUMMARY, DESCRIPTION (hosts, access,
 * objectives…) and URL. Hosts are names without addresses, so there is no
 * ORGANIZER (which needs a mailto address): they are in DESCRIPTION and X-WPS-HOSTS.
 */
export function sessionToICalendar(session: LearningSession, now: Date = new Date()): string {
  const calendar = new ICalCalendar({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: session.title,
    // A nameless calendar zone: DTSTAMP stays in UTC, and the generator still writes each event's VTIMEZONE.
    timezone: { name: '', generator: (zone: string) => vtimezone(zone, session.startsAtUtc) },
  });
  const dateOnly = session.timeZone === null;
  const zone = session.timeZone;
  const at = (instant: Date) => (zone ? new TZDate(instant.getTime(), zone) : instant);
  calendar.createEvent({
    id: `${session.id}@wps-federation-hub`,
    stamp: now,
    start: at(session.startsAtUtc),
    end: session.endsAtUtc ? at(session.endsAtUtc) : null,
    allDay: dateOnly,
    timezone: zone,
    summary: session.title,
    description: description(session),
    url: session.url,
    x: session.hosts.length > 0 ? [{ key: 'X-WPS-HOSTS', value: session.hosts.join(', ') }] : [],
  });
  return calendar.toString();
}
