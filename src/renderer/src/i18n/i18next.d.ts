import type en from './locales/en.json';

// English is the reference: t() only accepts keys it has, and test/renderer checks da and nl
// have exactly the same keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
