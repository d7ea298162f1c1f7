import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '../../../../shared/errors';
import type { Settings } from '../../../../shared/settings';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';
import { TextField } from '../../ui/TextField';
import { tickowebDraftFromSettings, validateTickowebDraft, type TickowebDraft, type TickowebDraftField } from './tickowebDraft';

type SaveOutcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'unchanged' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: WireError };

/** Admin only: where the mirror reads from and how often (saved as the one `tickoweb` settings group). */
export function TickowebSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const updateSettings = useAppStore((state) => state.updateSettings);
  const [draft, setDraft] = useState<TickowebDraft>(() => tickowebDraftFromSettings(settings));
  const [invalid, setInvalid] = useState<ReadonlySet<TickowebDraftField>>(new Set());
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'idle' });

  const edit = (field: TickowebDraftField) => (value: string) => setDraft((previous) => ({ ...previous, [field]: value }));
  const fieldError = (field: TickowebDraftField) => (invalid.has(field) ? t(`tickoweb.settings.fieldError.${field}`) : undefined);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const validation = validateTickowebDraft(draft, settings);
    if (!validation.ok) {
      setInvalid(new Set(validation.invalidFields));
      setOutcome({ kind: 'invalid' });
      return;
    }
    setInvalid(new Set());
    if (validation.patch.tickoweb === undefined) {
      setOutcome({ kind: 'unchanged' });
      return;
    }
    setOutcome({ kind: 'saving' });
    try {
      const view = await updateSettings(validation.patch);
      setDraft(tickowebDraftFromSettings(view.settings));
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'failed', error: toAppError(error).toWire() });
    }
  };

  return (
    <form className="tickoweb-settings__form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="tickoweb-settings-connection" data-testid="tickoweb-settings-form">
      <h3 id="tickoweb-settings-connection" className="section-heading">
        {t('tickoweb.settings.connection')}
      </h3>
      <div className="settings__grid">
        <TextField
          id="settings-tickoweb-baseurl"
          testId="settings-tickoweb-baseurl"
          type="url"
          label={t('tickoweb.settings.baseUrl')}
          hint={t('tickoweb.settings.baseUrlHint')}
          value={draft.baseUrl}
          onChange={edit('baseUrl')}
          error={fieldError('baseUrl')}
        />
        <TextField
          id="settings-tickoweb-username"
          testId="settings-tickoweb-username"
          label={t('tickoweb.settings.username')}
          hint={t('tickoweb.settings.passwordHint')}
          value={draft.username}
          onChange={edit('username')}
          error={fieldError('username')}
        />
        <TextField
          id="settings-tickoweb-autosync"
          testId="settings-tickoweb-autosync"
          inputMode="numeric"
          label={t('tickoweb.settings.autoSyncMinutes')}
          hint={t('tickoweb.settings.autoSyncMinutesHint')}
          value={draft.autoSyncMinutes}
          onChange={edit('autoSyncMinutes')}
          error={fieldError('autoSyncMinutes')}
        />
        <TextField
          id="settings-tickoweb-reconcile"
          testId="settings-tickoweb-reconcile"
          inputMode="numeric"
          label={t('tickoweb.settings.fullReconcileHours')}
          hint={t('tickoweb.settings.fullReconcileHoursHint')}
          value={draft.fullReconcileHours}
          onChange={edit('fullReconcileHours')}
          error={fieldError('fullReconcileHours')}
        />
      </div>
      <div className="settings__actions">
        <button type="submit" className="button button--primary" data-testid="settings-tickoweb-save" disabled={outcome.kind === 'saving'}>
          {outcome.kind === 'saving' ? t('settings.saving') : t('tickoweb.settings.save')}
        </button>
        {outcome.kind === 'saved' && (
          <StateMessage tone="good" testId="settings-tickoweb-saved">
            {t('settings.saved')}
          </StateMessage>
        )}
        {outcome.kind === 'unchanged' && <StateMessage tone="neutral">{t('settings.unchanged')}</StateMessage>}
        {outcome.kind === 'invalid' && (
          <StateMessage tone="bad" testId="settings-tickoweb-invalid">
            {t('settings.invalid')}
          </StateMessage>
        )}
        {outcome.kind === 'failed' && (
          <StateMessage tone="bad" testId="settings-tickoweb-error">
            {errorText(outcome.error)}
          </StateMessage>
        )}
      </div>
    </form>
  );
}
