import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/StoreProvider';

type FormatTime = (at: number, options?: Intl.DateTimeFormatOptions) => string;

const defaultOptions: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'medium' };

// Making a formatter costs far more than using one, and a long table formats hundreds of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: string, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([language, timeZone, options]);
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat(language, { ...options, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat(language, options);
    }
    if (formatters.size > 100) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats an instant (epoch ms) as the venue's wall-clock time, the way Venue Manager's own
 * times read; falls back to this computer's zone when the configured one is unusable.
 */
export function useVenueTime(): FormatTime {
  const { i18n } = useTranslation();
  const timeZone = useAppStore((state) => state.settingsView?.settings.venueTimeZone);
  const language = i18n.language;
  return useCallback((at, options = defaultOptions) => formatterFor(language, timeZone, options).format(at), [language, timeZone]);
}
