import { useCallback, useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useErrorText';
import type { PendingAction } from '../../store/slices/actionSlice';
import { useAppStore } from '../../store/StoreProvider';
import { ReasonPicker } from './ReasonPicker';
import { OpenOtherProduct } from './OpenOtherProduct';
import { isPresetReason } from './reasonPresets';
import { shortUid } from './shortUid';
import { useEscapeCancels } from './useEscapeCancels';
import { WaitingForTap } from './WaitingForTap';

/**
 * The one dialog for all four fixes. Not modal in the focus-trap sense: taps arrive as core
 * events (a wedge reader's keys are taken by useWedgeCapture before anything here sees them), so
 * nothing here can swallow one; routeScan refuses them while the reason step is open and this
 * dialog says so.
 */
export function ActionDialog() {
  const pending = useAppStore((state) => state.pendingAction);
  if (pending === null) return null;
  // Keyed per started action: a new action starts with an empty reason.
  return <OpenActionDialog key={`${pending.kind}-${String(pending.match.product.id)}-${pending.uid ?? ''}`} pending={pending} />;
}

function OpenActionDialog({ pending }: { pending: PendingAction }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const cancelAction = useAppStore((state) => state.cancelAction);
  const confirmAction = useAppStore((state) => state.confirmAction);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // Keyboard first: when the dialog closes, focus goes back to the button that opened it (if it is still there).
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    },
    [opener],
  );
  const cancel = useCallback(() => cancelAction(), [cancelAction]);
  useEscapeCancels(cancel);

  const { kind, step, match } = pending;
  // Focus starts in the dialog, and again when Replace/Add move on to the reason.
  useEffect(() => {
    dialog.current?.focus();
  }, [step]);

  const name = match.address.name ?? t('match.owner.noName');
  const uid = shortUid((kind === 'add' ? pending.newUid : pending.uid) ?? '');
  const newUid = shortUid(pending.newUid ?? '');

  const onConfirm = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === '') {
      setProblem(kind === 'comment' ? t('actions.commentRequired') : t('actions.reasonRequired'));
      return;
    }
    setProblem(null);
    const remember = kind !== 'comment' && !isPresetReason(kind, text.trim(), (key) => t(key));
    void confirmAction(text, remember);
  };

  return (
    <div
      ref={dialog}
      className="action-dialog"
      role="dialog"
      aria-labelledby="action-dialog-title"
      data-testid="action-dialog"
      data-kind={kind}
      data-step={step}
      tabIndex={-1}
    >
      <h2 id="action-dialog-title" className="action-dialog__title">
        {t(`actions.title.${kind}`)}
      </h2>
      <p className="action-dialog__about">
        {t('actions.about', { name, product: match.product.name ?? t('match.product.unnamed') })}
      </p>
      {step === 'tap' && (kind === 'replace' || kind === 'add') ? (
        <>
          <WaitingForTap kind={kind} />
          <div className="action-dialog__buttons">
            <button type="button" className="button" data-testid="action-cancel" onClick={cancel}>
              {t('actions.cancel')}
            </button>
          </div>
        </>
      ) : (
        <form className="action-dialog__form" onSubmit={onConfirm} noValidate>
          {(kind === 'replace' || kind === 'add') && pending.newUid !== null && (
            <p className="action-dialog__new-uid">
              <span className="state-caption">{t('actions.newUid')}</span>
              <code data-testid={`${kind}-new-uid`}>{pending.newUid}</code>
            </p>
          )}
          {kind === 'comment' ? (
            <>
              <label className="field__label" htmlFor="action-reason-text">
                {t('actions.commentText')}
              </label>
              <textarea
                id="action-reason-text"
                rows={4}
                maxLength={5000}
                value={text}
                data-testid="action-reason-text"
                onChange={(event) => setText(event.target.value)}
              />
            </>
          ) : (
            <ReasonPicker kind={kind} text={text} onChange={setText} />
          )}
          {pending.refusedTaps > 0 && (
            <p className="state-line state-line--compact state--bad" role="alert" data-testid="tap-refused" data-count={pending.refusedTaps}>
              <span className="state-line__icon" aria-hidden="true">
                ✖
              </span>
              {t('actions.tapRefused')}
            </p>
          )}
          {(problem !== null || pending.error !== null) && (
            <p
              className="state-line state-line--compact state--bad"
              role="alert"
              data-testid="action-error"
              data-code={problem === null ? pending.error?.code : undefined}
            >
              <span className="state-line__icon" aria-hidden="true">
                ✖
              </span>
              {problem ?? (pending.error === null ? '' : `${t('actions.failed')} ${errorText(pending.error)}`)}
            </p>
          )}
          <OpenOtherProduct pending={pending} />
          <div className="action-dialog__buttons">
            <button type="submit" className="button button--primary" data-testid="action-confirm" disabled={pending.submitting}>
              {pending.submitting ? t('actions.sending') : t(`actions.confirm.${kind}`, { uid, name, newUid })}
            </button>
            <button type="button" className="button" data-testid="action-cancel" onClick={cancel}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
