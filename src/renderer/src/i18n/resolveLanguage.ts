import { Language, type Settings } from '../../../shared/settings';

/**
 * The language to show. "auto" takes the first browser/OS preference we have a translation
 * for ("da-DK" → da), so a Dutch laptop with English second gets Dutch; otherwise English.
 */
export function resolveLanguage(setting: Settings['language'], preferred: readonly string[]): Language {
  if (setting !== 'auto') return setting;
  for (const tag of preferred) {
    const primary = Language.safeParse(tag.toLowerCase().split(/[-_]/)[0]);
    if (primary.success) return primary.data;
  }
  return 'en';
}

export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
