// i18next with both catalogues bundled (no loading at run time: the CSP allows no fetches).
// Each window, and each test, gets its own instance so a language change never leaks between them.
import i18next, { type i18n as I18n } from 'i18next';
import type { AppInfo, Language } from '../../../electron/shared/ipc-contract';
import en from './en.json';
import ko from './ko.json';

export const LANGUAGES: readonly Language[] = ['en', 'ko'];

export const resources = {
  en: { translation: en },
  ko: { translation: ko },
} as const;

/** The admin's explicit choice, else the operating system's language. */
export function pickLanguage(info: Pick<AppInfo, 'language' | 'systemLanguage'>): Language {
  return info.language ?? info.systemLanguage;
}

export function toLanguage(value: string | undefined): Language {
  return value?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    // React escapes what it renders; escaping here too would show `&amp;` to the admin.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
