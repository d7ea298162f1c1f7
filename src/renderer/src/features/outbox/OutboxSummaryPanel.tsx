import { useTranslation } from 'react-i18next';
import { ErrorCode } from '../../../../shared/errors';
import type { OutboxSummary } from '../../../../shared/outbox';
import { useErrorText } from '../../i18n/useErrorText';
import { formatAge } from '../../ui/formatAge';
import { useVenueTime } from '../../ui/useVenueTime';
import { isVenueManagerCode } from './LastErrorWords';

const knownPauses = ['UNAUTHORIZED', 'OFFLINE', 'OFFLINE_FORCED'] as const;
type KnownPause = (typeof knownPauses)[number];

function isKnownPause(reason: string): reason is KnownPause {
  return (knownPauses as readonly string[]).includes(reason);
}

/** The Outbox header: the counts, when Venue Manager last accepted something, and why sending waits. */
export function OutboxSummaryPanel({ summary, now }: { summary: OutboxSummary | null; now: number }) {
  const { t, i18n } = useTranslation();
  const venueTime = useVenueTime();
  const errorText = useErrorText();

  if (summary === null) {
    return (
      <p className="field__hint" data-testid="outbox-summary-unknown">
        {t('outbox.summaryUnknown')}
      </p>
    );
  }

  const counts = [
    { key: 'pending', value: summary.pending, tone: 'neutral', icon: '◷' },
    { key: 'conflicts', value: summary.conflicts, tone: 'bad', icon: '▲' },
    { key: 'failed', value: summary.failed, tone: 'bad', icon: '✖' },
    { key: 'possibleDuplicates', value: summary.possibleDuplicates, tone: 'warn', icon: '⚠' },
  ] as const;
  const paused = summary.pausedFor;
  const ourCode = summary.lastError === undefined ? undefined : ErrorCode.safeParse(summary.lastError.code);

  return (
    <section className="outbox-view__summary" data-testid="outbox-summary" aria-label={t('outbox.summaryLabel')}>
      <dl className="outbox-view__counts">
        {counts.map(({ key, value, tone, icon }) => (
          <div key={key} className={`outbox-view__count ${value > 0 ? `state--${tone}` : ''}`} data-testid={`outbox-count-${key}`}>
            <dt>{t(`outbox.counts.${key}`)}</dt>
            <dd>
              {value > 0 && <span aria-hidden="true">{icon} </span>}
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="outbox-view__last-sync" data-testid="outbox-last-sync">
        {summary.lastSyncAt === undefined
          ? t('outbox.neverSynced')
          : t('outbox.lastSync', {
              time: venueTime(summary.lastSyncAt, { dateStyle: 'short', timeStyle: 'short' }),
              relative: formatAge(summary.lastSyncAt, now, i18n.language),
            })}
      </p>
      {summary.replay !== undefined && (
        <div className="outbox-view__replay" data-testid="outbox-replay">
          <label htmlFor="outbox-replay-progress">
            {t('outbox.replay', { done: summary.replay.done, total: summary.replay.total })}
          </label>
          <progress id="outbox-replay-progress" max={Math.max(summary.replay.total, 1)} value={Math.min(summary.replay.done, summary.replay.total)} />
        </div>
      )}
      {paused !== undefined && (
        <p
          className={`state-line state-line--compact ${paused === 'UNAUTHORIZED' ? 'state--bad' : 'state--warn'}`}
          role={paused === 'UNAUTHORIZED' ? 'alert' : 'status'}
          data-testid="outbox-paused"
          data-reason={paused}
        >
          <span className="state-line__icon" aria-hidden="true">
            {paused === 'UNAUTHORIZED' ? '✖' : '⏸'}
          </span>
          {isKnownPause(paused) ? t(`outbox.paused.${paused}`) : t('outbox.paused.other', { reason: paused })}
        </p>
      )}
      {paused === undefined && summary.lastError !== undefined && (
        <p className="field__hint" data-testid="outbox-last-error" data-code={summary.lastError.code}>
          {t('outbox.lastError')}{' '}
          {isVenueManagerCode(summary.lastError.code) ? (
            <>
              {t('outbox.serverSaid')} <q className="outbox-view__quote">{summary.lastError.message}</q>
            </>
          ) : (
            <>
              {t('outbox.ourWords')} {ourCode?.success === true ? errorText({ code: ourCode.data }) : <code>{summary.lastError.code}</code>}
            </>
          )}
        </p>
      )}
    </section>
  );
}
