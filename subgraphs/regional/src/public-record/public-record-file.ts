import type { Memberships, NapHistories } from '@wps/data';
import { isIsoAlpha2 } from '../country/iso-countries.js';
import type { AuStatusChangeEntity, PublicNapIterationEntity, PublicRecordStateEntity } from './public-record.entity.js';

/** The rows of the public record, read from data/naps.json and data/memberships.json. */
export interface PublicRecordRows {
  states: PublicRecordStateEntity[];
  iterations: PublicNapIterationEntity[];
  auChanges: AuStatusChangeEntity[];
  source: { description: string; gathered: string };
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether a date is "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real month and day. */
export function isPartialIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  if (match[2] !== undefined && (Number(match[2]) < 1 || Number(match[2]) > 12)) return false;
  if (match[3] !== undefined) {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }
  return true;
}

const isYear = (value: unknown): value is number | null => value === null || (Number.isInteger(value) && (value as number) >= 1990 && (value as number) <= 2100);
/** At least one source, each a non-empty text (usually a URL; data/naps.json also names a few sources that are not, with verified false). */
const isSourceList = (value: unknown): value is string[] => Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'string' && entry.trim().length > 0);
const optionalText = (value: unknown): value is string | undefined => value === undefined || (typeof value === 'string' && value.trim().length > 0);

interface StatusChangeRecord {
  iso2?: unknown;
  change?: unknown;
  date?: unknown;
  detail?: unknown;
  source?: unknown;
  conflict?: unknown;
}

/**
 * The public record's rows, checked: every code a country, every iteration
 * numbered once with years in order, every adoption date a real partial ISO
 * date, every iteration and status change with at least one source.
 * Throws with every problem found (and writes nothing), so a wrong edit of
 * the data files stops the service at start instead of serving it.
 */
export function readPublicRecord(naps: NapHistories, memberships: Memberships): PublicRecordRows {
  const problems: string[] = [];
  const rows: PublicRecordRows = {
    states: [],
    iterations: [],
    auChanges: [],
    source: { description: naps._about?.what ?? '', gathered: naps._about?.gathered ?? '' },
  };
  if (!rows.source.description || !rows.source.gathered) problems.push('naps.json: _about.what and _about.gathered are required');
  const seen = new Set<string>();
  for (const [index, country] of (naps.countries ?? []).entries()) {
    const where = `naps.json countries[${index}] (${String(country?.iso2)})`;
    if (typeof country?.iso2 !== 'string' || !isIsoAlpha2(country.iso2)) {
      problems.push(`${where}: iso2 is not an ISO 3166-1 alpha-2 country code`);
      continue;
    }
    if (seen.has(country.iso2)) problems.push(`${where}: the state is listed twice`);
    seen.add(country.iso2);
    if (!optionalText(country.auStatus)) problems.push(`${where}: auStatus must be a non-empty text when given`);
    rows.states.push({ countryCode: country.iso2, auStatusNote: country.auStatus ?? null });
    const iterations = new Set<number>();
    for (const entry of Array.isArray(country.naps) ? country.naps : []) {
      const at = `${where} NAP ${String(entry?.iteration)}`;
      if (!Number.isInteger(entry?.iteration) || entry.iteration < 1) {
        problems.push(`${at}: iteration must be a whole number from 1`);
        continue;
      }
      if (iterations.has(entry.iteration)) problems.push(`${at}: iteration listed twice`);
      iterations.add(entry.iteration);
      if (!isYear(entry.start) || !isYear(entry.end)) problems.push(`${at}: start and end must be years (or null when not known)`);
      else if (entry.start !== null && entry.end !== null && entry.end < entry.start) problems.push(`${at}: end ${entry.end} is before start ${entry.start}`);
      if (entry.adopted !== undefined && !isPartialIsoDate(entry.adopted)) problems.push(`${at}: adopted "${String(entry.adopted)}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
      if (typeof entry.verified !== 'boolean') problems.push(`${at}: verified must be true or false`);
      if (!isSourceList(entry.sources)) problems.push(`${at}: sources must list at least one source`);
      if (!optionalText(entry.note) || !optionalText(entry.conflict)) problems.push(`${at}: note and conflict must be non-empty texts when given`);
      rows.iterations.push({
        countryCode: country.iso2,
        iteration: entry.iteration,
        periodStart: entry.start,
        periodEnd: entry.end,
        adoptedOn: entry.adopted ?? null,
        note: entry.note ?? null,
        sourceConflict: entry.conflict ?? null,
        verified: entry.verified,
        sources: entry.sources,
      });
    }
    if (iterations.size === 0) problems.push(`${where}: lists no NAP (a state without one is simply not listed)`);
  }
  const au = memberships.AU as Memberships['AU'] & { statusChanges?: StatusChangeRecord[] };
  for (const [index, change] of (au.statusChanges ?? []).entries()) {
    const at = `memberships.json AU.statusChanges[${index}] (${String(change.iso2)})`;
    const kind = typeof change.change === 'string' ? change.change.toUpperCase() : '';
    const sources = typeof change.source === 'string' ? [change.source] : change.source;
    if (typeof change.iso2 !== 'string' || !au.members.includes(change.iso2)) problems.push(`${at}: iso2 is not an AU member`);
    if (kind !== 'SUSPENDED' && kind !== 'REINSTATED') problems.push(`${at}: change must be "suspended" or "reinstated"`);
    if (!isPartialIsoDate(change.date)) problems.push(`${at}: date "${String(change.date)}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    if (!isSourceList(sources)) problems.push(`${at}: source must list at least one source`);
    if (!optionalText(change.detail) || !optionalText(change.conflict)) problems.push(`${at}: detail and conflict must be non-empty texts when given`);
    rows.auChanges.push({
      countryCode: String(change.iso2),
      change: kind,
      date: String(change.date),
      detail: (change.detail as string | undefined) ?? null,
      sourceConflict: (change.conflict as string | undefined) ?? null,
      sources: isSourceList(sources) ? sources : [],
    });
  }
  if (problems.length > 0) throw new Error(`the public record in data/ is not valid:\n- ${problems.join('\n- ')}`);
  return rows;
}
