import { useTranslation } from 'react-i18next';
import { useVenueTime } from './useVenueTime';

/**
 * "As of 14:02 …": an answer from this desk's cache, because Venue Manager could not be reached
 * or (`refreshing`) is slow and still being asked. Said plainly every time, so nobody takes an
 * old state for the current one.
 */
export function CachedNotice({ cachedAt, refreshing = false }: { cachedAt: number; refreshing?: boolean }) {
  const { t } = useTranslation();
  const venueTime = useVenueTime();
  const today = new Date().toDateString() === new Date(cachedAt).toDateString();
  const time = venueTime(cachedAt, today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <p
      className="state-line state-line--compact state--warn"
      role="status"
      data-testid="cached-notice"
      data-cached-at={cachedAt}
      data-refreshing={refreshing}
    >
      <span className="state-line__icon" aria-hidden="true">
        ◷
      </span>
      {t(refreshing ? 'match.cachedRefreshing' : 'match.cached', { time })}
    </p>
  );
}
