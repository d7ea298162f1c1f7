import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEditRequest, OutboxItemView, OutboxState } from '../../../../shared/outbox';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { formatAge } from '../../ui/formatAge';
import { StateMessage } from '../../ui/StateMessage';
import { useVenueTime } from '../../ui/useVenueTime';
import { OutboxDiscardForm } from './OutboxDiscardForm';
import { OutboxEditForm } from './OutboxEditForm';
import { LastErrorWords } from './LastErrorWords';
import { shortItemId, useDecisionText } from './useDecisionText';
import { fullUids, useDescribeAction } from './useDescribeAction';

/** Never colour alone: every state has its icon and its word. */
export const stateIcons: Record<OutboxState, string> = {
  pending: '◷',
  sending: '↻',
  done: '✔',
  conflict: '▲',
  failed: '✖',
  discarded: '⊘',
};

const stateTones: Record<OutboxState, 'good' | 'bad' | 'warn' | 'neutral'> = {
  pending: 'neutral',
  sending: 'neutral',
  done: 'good',
  conflict: 'bad',
  failed: 'bad',
  discarded: 'neutral',
};

type Open = 'none' | 'edit' | 'discard';

/**
 * One queued action: what it does, where it stands, what Venue Manager said (or what went
 * wrong on the way) and what was decided, in the desk's language. Conflicts and failures offer
 * Retry, Edit and Discard.
 */
export function OutboxRow({ item, now, signedIn }: { item: OutboxItemView; now: number; signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeAction();
  const venueTime = useVenueTime();
  const errorText = useErrorText();
  const describeDecision = useDecisionText();
  const retry = useAppStore((state) => state.retryOutboxItem);
  const discard = useAppStore((state) => state.discardOutboxItem);
  const edit = useAppStore((state) => state.editOutboxItem);
  const [open, setOpen] = useState<Open>('none');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const { action, state } = item;
  const decides = state === 'conflict' || state === 'failed';
  const waiting = state === 'pending' || state === 'sending';
  const tone = stateTones[state];
  const decisionText = describeDecision(item);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      setOpen('none');
    } catch (error) {
      setProblem(errorText(toAppError(error)));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (form: Exclude<Open, 'none'>) => {
    setProblem(null);
    setOpen((current) => (current === form ? 'none' : form));
  };

  return (
    <li className={`outbox-view__row outbox-view__row--${state}`} data-testid="outbox-row" data-id={item.id} data-state={state}>
      <div className="outbox-view__row-head">
        <span className="outbox-view__what" data-testid="outbox-what" title={fullUids(action)}>
          {describe(action)}
        </span>
        <span className={`outbox-view__badge state--${tone}`} data-testid="outbox-state">
          <span aria-hidden="true">{stateIcons[state]} </span>
          {t(`outbox.state.${state}`)}
        </span>
        {item.possibleDuplicate && (
          <span className="outbox-view__badge state--warn" data-testid="outbox-duplicate">
            <span aria-hidden="true">⚠ </span>
            {t('outbox.duplicateFlag')}
          </span>
        )}
      </div>
      {action.kind === 'comment' ? (
        <p className="outbox-view__text" data-testid="outbox-text">
          {t('outbox.comment', { comment: action.comment })}
        </p>
      ) : (
        <p className="outbox-view__text" data-testid="outbox-text">
          {t('outbox.reason', { reason: action.reason })}
        </p>
      )}
      <p className="outbox-view__meta" data-testid="outbox-meta">
        <span title={venueTime(item.createdAt)}>
          {t('outbox.queuedBy', { operator: item.operator, desk: item.desk, age: formatAge(item.createdAt, now, i18n.language) })}
        </span>
        {waiting && (
          <span data-testid="outbox-next-try">
            {' · '}
            {t('outbox.attempts', { count: item.attempts })}
            {state === 'pending' &&
              ` · ${t('outbox.nextTry', { relative: formatAge(Math.max(item.nextAttemptAt, now), now, i18n.language), time: venueTime(item.nextAttemptAt, { timeStyle: 'short' }) })}`}
          </span>
        )}
      </p>
      {item.lastError !== null && <LastErrorWords error={item.lastError} explain={decides} />}
      {decisionText !== null && (
        <p className="outbox-view__decision" data-testid="outbox-decision" data-decision={item.decision ?? undefined}>
          {decisionText}
          {item.decision === 'edited' && item.replacedBy !== null && (
            <span className="field__hint" data-testid="outbox-replaced-by" title={item.replacedBy}>
              {' · '}
              {t('outbox.replacedBy', { id: shortItemId(item.replacedBy) })}
            </span>
          )}
        </p>
      )}
      {waiting && item.mayHaveApplied && <p className="field__hint">{t('outbox.mayHaveApplied')}</p>}
      {item.possibleDuplicate && <p className="field__hint">{t('outbox.duplicateHint')}</p>}
      {decides && (
        <div className="outbox-view__actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="outbox-retry"
            disabled={busy || !signedIn}
            onClick={() => void run(() => retry(item.id))}
          >
            {t('outbox.retry')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="outbox-edit"
            aria-expanded={open === 'edit'}
            disabled={busy || !signedIn}
            onClick={() => toggle('edit')}
          >
            {t('outbox.edit')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="outbox-discard"
            aria-expanded={open === 'discard'}
            disabled={busy || !signedIn}
            onClick={() => toggle('discard')}
          >
            {t('outbox.discard')}
          </button>
          {busy && open === 'none' && <span className="field__hint">{t('outbox.working')}</span>}
        </div>
      )}
      {decides && open === 'edit' && (
        <OutboxEditForm
          id={item.id}
          action={action}
          busy={busy}
          onCancel={() => setOpen('none')}
          onSubmit={(request: OutboxEditRequest) => void run(() => edit(request))}
        />
      )}
      {decides && open === 'discard' && (
        <OutboxDiscardForm
          id={item.id}
          busy={busy}
          onCancel={() => setOpen('none')}
          onSubmit={(reason) => void run(() => discard(item.id, reason))}
        />
      )}
      {problem !== null && (
        <StateMessage tone="bad" testId="outbox-row-problem">
          {t('outbox.notDone')} {problem}
        </StateMessage>
      )}
    </li>
  );
}
