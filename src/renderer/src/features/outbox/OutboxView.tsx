import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useErrorText } from '../../i18n/useErrorText';
import { outboxFilters, type OutboxFilter } from '../../store/slices/outboxSlice';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';
import { useNow } from '../../ui/useNow';
import { OutboxNoticeLine } from './OutboxNoticeLine';
import { OutboxRow } from './OutboxRow';
import { OutboxSummaryPanel } from './OutboxSummaryPanel';

/**
 * The outbox (DESIGN §5): what this desk queued, what was sent, and what needs a person — with
 * Venue Manager's words and a recorded decision for every conflict.
 */
export function OutboxView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const now = useNow(30_000);
  const { summary, items, loading, error, filter, notice, signedIn } = useAppStore(
    useShallow((state) => ({
      summary: state.outboxSummary,
      items: state.outboxItems,
      loading: state.outboxLoading,
      error: state.outboxError,
      filter: state.outboxFilter,
      notice: state.outboxNotice,
      signedIn: state.operator !== null,
    })),
  );
  const openOutbox = useAppStore((state) => state.openOutbox);
  const showFilter = useAppStore((state) => state.showOutboxFilter);
  const sendNow = useAppStore((state) => state.sendOutboxNow);
  const [sending, setSending] = useState(false);
  const [sendProblem, setSendProblem] = useState<string | null>(null);

  useEffect(() => {
    void openOutbox();
  }, [openOutbox]);

  const onSendNow = async () => {
    setSending(true);
    setSendProblem(null);
    try {
      await sendNow();
    } catch (failure) {
      setSendProblem(errorText(toAppError(failure)));
    } finally {
      setSending(false);
    }
  };

  const filterCounts: Partial<Record<OutboxFilter, number>> =
    summary === null ? {} : { attention: summary.conflicts + summary.failed, waiting: summary.pending };

  return (
    <div className="outbox-view" data-testid="outbox-view">
      <div className="outbox-view__header">
        <div>
          <h1>{t('outbox.title')}</h1>
          <p className="field__hint">{t('outbox.intro')}</p>
        </div>
        <button type="button" className="button button--primary" data-testid="outbox-send-now" disabled={sending} onClick={() => void onSendNow()}>
          {sending ? t('outbox.sendingNow') : t('outbox.sendNow')}
        </button>
      </div>
      <OutboxSummaryPanel summary={summary} now={now} />
      {sendProblem !== null && (
        <StateMessage tone="bad" testId="outbox-send-problem">
          {t('outbox.notDone')} {sendProblem}
        </StateMessage>
      )}
      {notice !== null && <OutboxNoticeLine key={notice.seq} notice={notice} />}
      <div className="outbox-view__filters" role="group" aria-label={t('outbox.filter.label')}>
        {outboxFilters.map((name) => (
          <button
            key={name}
            type="button"
            className="button outbox-view__filter"
            data-testid={`outbox-filter-${name}`}
            aria-pressed={filter === name}
            onClick={() => void showFilter(name)}
          >
            {t(`outbox.filter.${name}`)}
            {filterCounts[name] !== undefined && filterCounts[name] > 0 && <span className="outbox-view__filter-count">{filterCounts[name]}</span>}
          </button>
        ))}
      </div>
      {!signedIn && <p className="field__hint" data-testid="outbox-sign-in-first">{t('outbox.signInFirst')}</p>}
      {error !== null && (
        <StateMessage tone="bad" testId="outbox-load-failed">
          {t('outbox.loadFailed')} {errorText(error)}
        </StateMessage>
      )}
      {items === null ? (
        loading && <p data-testid="outbox-loading">{t('outbox.loading')}</p>
      ) : items.length === 0 ? (
        <p className="outbox-view__empty" data-testid="outbox-empty">
          {t(`outbox.empty.${filter}`)}
        </p>
      ) : (
        <ul className="outbox-view__list" aria-label={t(`outbox.filter.${filter}`)} data-testid="outbox-list">
          {items.map((item) => (
            <OutboxRow key={item.id} item={item} now={now} signedIn={signedIn} />
          ))}
        </ul>
      )}
    </div>
  );
}
