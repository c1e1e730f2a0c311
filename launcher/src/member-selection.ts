import { ConfigError, isCountryCode } from '@wps/kit';
import { DEMO_MEMBERS, loadMemberships, loadNapHistories } from '@wps/data';
import countries from 'i18n-iso-countries';

/**
 * Shorthands for HUB_MEMBERS. They start with `@` so they never clash with an
 * ISO code (`AU` is Australia, not the African Union).
 */
export const MEMBER_SHORTHANDS: Record<string, { describe: string; codes: () => readonly string[] }> = {
  '@AU_CRF': { describe: 'the 55 African Union member states (data/memberships.json)', codes: () => loadMemberships().AU.members },
  '@EU_GAP_III': { describe: 'the 27 EU member states', codes: () => loadMemberships().EU.members },
  '@OSCE': { describe: 'the 57 OSCE participating states', codes: () => loadMemberships().OSCE.members },
  '@ALL_NAPS': { describe: 'every state with a NAP history in data/naps.json', codes: () => loadNapHistories().countries.map((country) => country.iso2) },
  '@DEMO': { describe: 'the 12 demo members (the default)', codes: () => DEMO_MEMBERS },
};

/** True for an upper-case ISO 3166-1 alpha-2 code that names a country (i18n-iso-countries). */
export function isIsoCountry(code: string): boolean {
  return isCountryCode(code) && countries.isValid(code);
}

/**
 * The member states HUB_MEMBERS names: ISO codes and shorthands, in order,
 * each once. Anything else is refused before anything starts.
 */
export function selectMembers(entries: readonly string[] | undefined): string[] {
  const selected = new Set<string>();
  const unknown: string[] = [];
  for (const raw of entries ?? ['@DEMO']) {
    const entry = raw.trim().toUpperCase();
    if (entry.startsWith('@')) {
      const shorthand = MEMBER_SHORTHANDS[entry];
      if (!shorthand) unknown.push(raw);
      else for (const code of shorthand.codes()) selected.add(code);
    } else if (isIsoCountry(entry)) selected.add(entry);
    else unknown.push(raw);
  }
  if (unknown.length > 0) {
    const names = Object.entries(MEMBER_SHORTHANDS).map(([name, { describe }]) => `${name} (${describe})`).join(', ');
    throw new ConfigError('HUB_MEMBERS', `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} neither ISO 3166-1 alpha-2 codes nor shorthands`, `List codes like KE,NG,SE, or ${names}`);
  }
  if (selected.size === 0) throw new ConfigError('HUB_MEMBERS', 'names no member state', 'List codes like KE,NG,SE, or @AU_CRF');
  return [...selected];
}
