import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/settings';
import da from './locales/da.json';
import en from './locales/en.json';
import nl from './locales/nl.json';

export const resources = {
  en: { translation: en },
  da: { translation: da },
  nl: { translation: nl },
} as const;

/** A fresh i18next instance per app (and per test), so language changes never leak between them. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    // Resources are bundled: initialise synchronously so the first render is already translated.
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}
