/**
 * Who recorded a measurement, as the public sees it: a role and a country
 * ("Focal point, Kenya"), never the token subject, which only the member's
 * own focal points (and its audit log) see. Stored with the row at write
 * time (measurement.recorded_by_display), so what the public saw never
 * changes with a directory or a token.
 */
export function recorderDisplayName(countryCode: string): string {
  return `Focal point, ${countryName(countryCode)}`;
}

/** The display of the demo seed's rows (recorded_by "demo-seed"). */
export const DEMO_SEED_DISPLAY = 'Demo data';

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

function countryName(countryCode: string): string {
  try {
    return regions.of(countryCode) ?? countryCode;
  } catch {
    return countryCode;
  }
}

/** Which `recordedBy` an answer shows: the subject to the member's own focal points, the display to everyone else. */
export type RecordedByAudience = 'member' | 'public';
