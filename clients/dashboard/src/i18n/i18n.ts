import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './ar';
import { en } from './en';
import { fr } from './fr';
import { pt } from './pt';

/** The AU's working languages; Arabic is written right to left. */
export const LANGUAGES = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'fr', label: 'Français', dir: 'ltr' },
  { code: 'pt', label: 'Português', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
const STORAGE_KEY = 'wps-hub-language';

function initialLanguage(): Language {
  const stored = (() => {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  })();
  const wanted = stored ?? navigator.language.slice(0, 2);
  return LANGUAGES.find((language) => language.code === wanted)?.code ?? 'en';
}

function applyToDocument(language: Language): void {
  const entry = LANGUAGES.find((candidate) => candidate.code === language)!;
  document.documentElement.lang = entry.code;
  document.documentElement.dir = entry.dir;
}

export function initI18n(): void {
  const lng = initialLanguage();
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: en }, fr: { translation: fr }, pt: { translation: pt }, ar: { translation: ar } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  applyToDocument(lng);
}

export function changeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18next.changeLanguage(language);
  applyToDocument(language);
}

/** The API's Locale for country names. */
export function apiLocale(language: string): 'EN' | 'FR' | 'PT' | 'AR' {
  const upper = language.slice(0, 2).toUpperCase();
  return upper === 'FR' || upper === 'PT' || upper === 'AR' ? upper : 'EN';
}

/** Numbers and dates in the page's language (Arabic with Western digits, as AU documents print them). */
export function numberLocale(language: string): string {
  return language === 'ar' ? 'ar-u-nu-latn' : language;
}
