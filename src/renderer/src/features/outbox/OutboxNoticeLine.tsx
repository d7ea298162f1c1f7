import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useErrorText';
import type { OutboxNotice } from '../../store/slices/outboxSlice';
import { StateMessage } from '../../ui/StateMessage';
import { useDescribeAction } from './useDescribeAction';

/** What the last Retry, Edit, Discard or Send now did; stays until the next one (or the view closes). */
export function OutboxNoticeLine({ notice }: { notice: OutboxNotice }) {
  const { t } = useTranslation();
  const describe = useDescribeAction();
  const errorText = useErrorText();

  if (notice.kind === 'sentNow') {
    return (
      <StateMessage tone="good" testId="outbox-notice">
        {notice.summary.pending > 0 ? t('outbox.notice.sentNow', { count: notice.summary.pending }) : t('outbox.notice.nothingWaiting')}
      </StateMessage>
    );
  }

  if (notice.kind === 'stale') {
    return (
      <StateMessage tone="bad" testId="outbox-notice">
        {t('outbox.notice.stale', { what: describe(notice.action), explanation: errorText(notice.error) })}
      </StateMessage>
    );
  }

  const what = describe(notice.item.action);
  const { state } = notice.item;
  if (state === 'conflict' || state === 'failed') {
    return (
      <StateMessage tone="bad" testId="outbox-notice">
        {t('outbox.notice.stillNotDone', { what })}
      </StateMessage>
    );
  }
  const text =
    notice.kind === 'discarded'
      ? t('outbox.notice.discarded', { what })
      : notice.kind === 'edited'
        ? t('outbox.notice.edited', { what })
        : state === 'done'
          ? t('outbox.notice.retriedDone', { what })
          : t('outbox.notice.retriedQueued', { what });
  return (
    <StateMessage tone="good" testId="outbox-notice">
      {text}
    </StateMessage>
  );
}
