import { isCountryCode } from '@wps/kit';
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import pt from 'i18n-iso-countries/langs/pt.json';

// Country names come from the maintained ISO 3166 package, never from hand-written lists.
for (const locale of [en, fr, pt, ar]) countries.registerLocale(locale);

/** An upper-case ISO 3166-1 alpha-2 code that names a country. */
export function isIsoAlpha2(code: string): boolean {
  return isCountryCode(code) && countries.isValid(code);
}

export function countryName(code: string, locale: 'en' | 'fr' | 'pt' | 'ar'): string {
  return countries.getName(code, locale) ?? code;
}

export function alpha3Of(code: string): string | null {
  return countries.alpha2ToAlpha3(code) ?? null;
}
