import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { escapeCancels } from './escapeCancels';
import { useTranslation } from 'react-i18next';
import type { OutboxEditRequest, QueuedAction } from '../../../../shared/outbox';
import { StateMessage } from '../../ui/StateMessage';
import { checkEdit, draftFor, editableFields, type EditDraft, type EditField } from './editDraft';

const maxLengths: Record<EditField, number> = { uid: 64, newUid: 64, reason: 1000, comment: 5000 };

/**
 * Changes a conflict or failure before it is sent again: the same kind of action on the same
 * product. Only the fields that changed are sent; Escape closes it without sending anything.
 */
export function OutboxEditForm({
  id,
  action,
  busy,
  onSubmit,
  onCancel,
}: {
  id: string;
  action: QueuedAction;
  busy: boolean;
  onSubmit: (request: OutboxEditRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<EditDraft>(() => draftFor(action));
  const [problem, setProblem] = useState<{ unchanged: boolean; empty: EditField[] } | null>(null);
  const first = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);

  const labels: Record<EditField, string> = {
    uid: action.kind === 'block' ? t('outbox.editForm.uidBlock') : t('outbox.editForm.uidAdd'),
    newUid: t('outbox.editForm.newUid'),
    reason: t('outbox.editForm.reason'),
    comment: t('outbox.editForm.comment'),
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check = checkEdit(id, action, draft);
    if (!check.ok) {
      setProblem(check.problem === 'unchanged' ? { unchanged: true, empty: [] } : { unchanged: false, empty: check.fields });
      return;
    }
    setProblem(null);
    onSubmit(check.request);
  };

  const onKeyDown = escapeCancels(onCancel);

  return (
    <form className="outbox-view__form" data-testid="outbox-edit-form" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
      <h3 className="section-heading">{t('outbox.editForm.title')}</h3>
      {editableFields(action).map((field, index) => {
        const inputId = `outbox-edit-${id}-${field}`;
        const invalid = problem?.empty.includes(field) === true;
        const common = {
          id: inputId,
          value: draft[field],
          maxLength: maxLengths[field],
          'data-testid': `outbox-edit-${field}`,
          'aria-invalid': invalid,
          'aria-describedby': invalid ? `${inputId}-error` : undefined,
          ref: index === 0 ? first : undefined,
        };
        const change = (value: string) => setDraft((current) => ({ ...current, [field]: value }));
        return (
          <div className="field" key={field}>
            <label className="field__label" htmlFor={inputId}>
              {labels[field]}
            </label>
            {field === 'comment' ? (
              <textarea {...common} rows={3} onChange={(event) => change(event.target.value)} />
            ) : (
              <input
                {...common}
                type="text"
                autoComplete="off"
                spellCheck={false}
                className={field === 'reason' ? undefined : 'mono'}
                onChange={(event) => change(event.target.value)}
              />
            )}
            {invalid && (
              <span className="field__error" id={`${inputId}-error`} data-testid={`outbox-edit-${field}-error`}>
                <span aria-hidden="true">✖ </span>
                {t('outbox.editForm.required')}
              </span>
            )}
          </div>
        );
      })}
      {problem?.unchanged === true && (
        <StateMessage tone="neutral" testId="outbox-edit-unchanged">
          {t('outbox.editForm.unchanged')}
        </StateMessage>
      )}
      <div className="outbox-view__form-buttons">
        <button type="submit" className="button button--primary" data-testid="outbox-edit-submit" disabled={busy}>
          {busy ? t('outbox.working') : t('outbox.editForm.submit')}
        </button>
        <button type="button" className="button" data-testid="outbox-edit-cancel" aria-keyshortcuts="Escape" onClick={onCancel}>
          {t('outbox.cancel')}
        </button>
      </div>
    </form>
  );
}
