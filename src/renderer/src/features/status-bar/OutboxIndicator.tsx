import { useTranslation } from 'react-i18next';
import { hashForView } from '../../routing/viewHash';
import { useAppStore } from '../../store/StoreProvider';
import { useVenueTime } from '../../ui/useVenueTime';

const clock: Intl.DateTimeFormatOptions = { timeStyle: 'short' };

/**
 * The outbox at a glance, a link to the Outbox view: how many actions wait to be sent (and the
 * backlog's progress while it is sent), how many wait for a person, and when Venue Manager last
 * confirmed one. Absent on a desk that never queued anything.
 */
export function OutboxIndicator() {
  const { t } = useTranslation();
  const summary = useAppStore((state) => state.outboxSummary);
  const venueTime = useVenueTime();
  if (summary === null) return null;
  const { pending, conflicts, failed, replay, lastSyncAt, pausedFor } = summary;
  const needPerson = conflicts + failed;
  if (pending === 0 && needPerson === 0 && lastSyncAt === undefined) return null;
  const tone = needPerson > 0 ? 'bad' : pending > 0 ? 'pending' : 'good';

  return (
    <a
      href={hashForView('outbox')}
      className={`indicator indicator--outbox indicator--${tone}`}
      data-testid="status-outbox"
      data-pending={pending}
      data-need-person={needPerson}
      title={pausedFor === undefined ? undefined : t(`status.outbox.paused.${pausedFor === 'UNAUTHORIZED' ? 'unauthorized' : 'offline'}`)}
    >
      <span className="indicator__icon" aria-hidden="true">
        {needPerson > 0 ? '!' : pending > 0 ? '◷' : '✔'}
      </span>
      <span className="indicator__label">{t('status.outbox.label')}</span>
      {/* "All sent" only when nothing waits for a person either: a conflict is not sent. */}
      {(pending > 0 || replay !== undefined || needPerson === 0) && (
        <strong className="indicator__word" data-testid="status-outbox-count">
          {replay !== undefined
            ? t('status.outbox.sending', { done: replay.done, total: replay.total })
            : pending > 0
              ? t('status.outbox.pending', { count: pending })
              : t('status.outbox.allSent')}
        </strong>
      )}
      {needPerson > 0 && <strong className="indicator__reason">{t('status.outbox.needPerson', { count: needPerson })}</strong>}
      {lastSyncAt !== undefined && (
        <span className="indicator__since" data-testid="status-outbox-last-sync">
          {t('status.outbox.lastSync', { time: venueTime(lastSyncAt, clock) })}
        </span>
      )}
    </a>
  );
}
