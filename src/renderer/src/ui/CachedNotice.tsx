import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/StoreProvider';

/**
 * "As of 14:02 …": an answer from this desk's cache because Venue Manager could not be reached.
 * Said plainly every time, so nobody takes an old state for the current one.
 */
export function CachedNotice({ cachedAt }: { cachedAt: number }) {
  const { t, i18n } = useTranslation();
  const timeZone = useAppStore((state) => state.settingsView?.settings.venueTimeZone);
  const today = new Date().toDateString() === new Date(cachedAt).toDateString();
  const options: Intl.DateTimeFormatOptions = today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' };
  let time: string;
  try {
    time = new Intl.DateTimeFormat(i18n.language, { ...options, timeZone }).format(cachedAt);
  } catch {
    time = new Intl.DateTimeFormat(i18n.language, options).format(cachedAt);
  }
  return (
    <p className="state-line state-line--compact state--warn" role="status" data-testid="cached-notice" data-cached-at={cachedAt}>
      <span className="state-line__icon" aria-hidden="true">
        ◷
      </span>
      {t('match.cached', { time })}
    </p>
  );
}
