import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '../../../../shared/errors';
import { VenueManagerSettings, type Settings } from '../../../../shared/settings';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { draftFromSettings, validateDraft, type DraftField, type SettingsDraft, type TextDraftField } from './settingsDraft';
import { TextField } from '../../ui/TextField';
import { StateMessage } from '../../ui/StateMessage';

type SaveOutcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'unchanged' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: WireError };

const authModes = VenueManagerSettings.shape.authMode.options;

/** Desk and Venue Manager settings: edited as a draft, validated locally, saved as one patch. */
export function GeneralSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const updateSettings = useAppStore((state) => state.updateSettings);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(settings));
  const [invalidFields, setInvalidFields] = useState<ReadonlySet<DraftField>>(new Set());
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'idle' });

  const edit = (field: TextDraftField) => (value: string) => setDraft((previous) => ({ ...previous, [field]: value }));
  const fieldError = (field: TextDraftField) => (invalidFields.has(field) ? t(`settings.fieldError.${field}`) : undefined);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const validation = validateDraft(draft, settings);
    if (!validation.ok) {
      setInvalidFields(new Set(validation.invalidFields));
      setOutcome({ kind: 'invalid' });
      return;
    }
    setInvalidFields(new Set());
    if (Object.keys(validation.patch).length === 0) {
      setOutcome({ kind: 'unchanged' });
      return;
    }
    setOutcome({ kind: 'saving' });
    try {
      const view = await updateSettings(validation.patch);
      setDraft(draftFromSettings(view.settings));
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'failed', error: toAppError(error).toWire() });
    }
  };

  return (
    <form className="settings__section" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="settings-general">
      <h2 id="settings-general" className="section-heading">
        {t('settings.general.title')}
      </h2>
      <div className="settings__grid">
        <TextField
          id="settings-deskname"
          testId="settings-deskname"
          label={t('settings.deskName')}
          value={draft.deskName}
          onChange={edit('deskName')}
          error={fieldError('deskName')}
        />
        <TextField
          id="settings-timezone"
          testId="settings-timezone"
          label={t('settings.venueTimeZone')}
          hint={t('settings.venueTimeZoneHint')}
          value={draft.venueTimeZone}
          onChange={edit('venueTimeZone')}
          error={fieldError('venueTimeZone')}
        />
      </div>

      <h3 className="section-heading">{t('settings.venueManager.title')}</h3>
      <div className="settings__grid">
        <TextField
          id="settings-vm-baseurl"
          testId="settings-vm-baseurl"
          type="url"
          label={t('settings.venueManager.baseUrl')}
          hint={t('settings.venueManager.baseUrlHint')}
          value={draft.baseUrl}
          onChange={edit('baseUrl')}
          error={fieldError('baseUrl')}
        />
        <label className="field">
          <span className="field__label">{t('settings.venueManager.authMode')}</span>
          <select
            data-testid="settings-vm-authmode"
            value={draft.authMode}
            aria-invalid={invalidFields.has('authMode')}
            onChange={(event) => {
              const authMode = VenueManagerSettings.shape.authMode.safeParse(event.target.value);
              if (authMode.success) setDraft((previous) => ({ ...previous, authMode: authMode.data }));
            }}
          >
            {authModes.map((mode) => (
              <option key={mode} value={mode}>
                {t(`settings.venueManager.authModeOption.${mode}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.authMode === 'basic' && (
          <TextField
            id="settings-vm-username"
            testId="settings-vm-username"
            label={t('settings.venueManager.basicUsername')}
            value={draft.basicUsername}
            onChange={edit('basicUsername')}
            error={fieldError('basicUsername')}
          />
        )}
        {draft.authMode === 'header' && (
          <TextField
            id="settings-vm-headername"
            testId="settings-vm-headername"
            label={t('settings.venueManager.headerName')}
            hint={t('settings.venueManager.headerNameHint')}
            value={draft.headerName}
            onChange={edit('headerName')}
            error={fieldError('headerName')}
          />
        )}
        <label className="checkbox-field">
          <input
            type="checkbox"
            data-testid="settings-vm-history-comments"
            checked={draft.historyShowsComments}
            onChange={(event) => setDraft((previous) => ({ ...previous, historyShowsComments: event.target.checked }))}
          />
          <span>{t('settings.venueManager.historyShowsComments')}</span>
        </label>
        <p className="field__hint">{t('settings.venueManager.historyShowsCommentsHint')}</p>
      </div>

      <div className="settings__actions">
        <button type="submit" className="button button--primary" data-testid="settings-save" disabled={outcome.kind === 'saving'}>
          {outcome.kind === 'saving' ? t('settings.saving') : t('settings.save')}
        </button>
        <SaveOutcomeMessage outcome={outcome} errorText={errorText} />
      </div>
    </form>
  );
}

function SaveOutcomeMessage({ outcome, errorText }: { outcome: SaveOutcome; errorText: (error: WireError) => string }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'idle':
    case 'saving':
      return null;
    case 'saved':
      return <StateMessage tone="good" testId="settings-saved">{t('settings.saved')}</StateMessage>;
    case 'unchanged':
      return <StateMessage tone="neutral">{t('settings.unchanged')}</StateMessage>;
    case 'invalid':
      return <StateMessage tone="bad" testId="settings-invalid">{t('settings.invalid')}</StateMessage>;
    case 'failed':
      return <StateMessage tone="bad" testId="settings-error">{errorText(outcome.error)}</StateMessage>;
  }
}
