import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { escapeCancels } from './escapeCancels';
import { useTranslation } from 'react-i18next';

/** Giving an item up, for good: the reason is required and goes into the audit. */
export function OutboxDiscardForm({
  id,
  busy,
  onSubmit,
  onCancel,
}: {
  id: string;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  const inputId = `outbox-discard-${id}`;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (trimmed === '') {
      setMissing(true);
      field.current?.focus();
      return;
    }
    setMissing(false);
    onSubmit(trimmed);
  };

  const onKeyDown = escapeCancels(onCancel);

  return (
    <form className="outbox-view__form" data-testid="outbox-discard-form" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {t('outbox.discardForm.reason')}
        </label>
        <input
          ref={field}
          id={inputId}
          type="text"
          value={reason}
          maxLength={1000}
          autoComplete="off"
          data-testid="outbox-discard-reason"
          aria-invalid={missing}
          aria-describedby={missing ? `${inputId}-error` : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            if (event.target.value.trim() !== '') setMissing(false);
          }}
        />
        {missing && (
          <span className="field__error" id={`${inputId}-error`} data-testid="outbox-discard-reason-error">
            <span aria-hidden="true">✖ </span>
            {t('outbox.discardForm.reasonRequired')}
          </span>
        )}
      </div>
      <div className="outbox-view__form-buttons">
        <button type="submit" className="button button--danger" data-testid="outbox-discard-submit" disabled={busy}>
          {busy ? t('outbox.working') : t('outbox.discardForm.submit')}
        </button>
        <button type="button" className="button" data-testid="outbox-discard-cancel" aria-keyshortcuts="Escape" onClick={onCancel}>
          {t('outbox.discardForm.cancel')}
        </button>
      </div>
    </form>
  );
}
