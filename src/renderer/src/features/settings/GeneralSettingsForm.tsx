import { useTranslation } from 'react-i18next';
import { VenueManagerSettings, type Settings } from '../../../../shared/settings';
import { draftFromSettings, validateDraft, type TextDraftField } from './settingsDraft';
import { TextField } from '../../ui/TextField';
import { SaveOutcomeMessage } from './SaveOutcomeMessage';
import { useSettingsForm } from './useSettingsForm';

const authModes = VenueManagerSettings.shape.authMode.options;
const generalForm = { fromSettings: draftFromSettings, validate: validateDraft };

/** Desk and Venue Manager settings: edited as a draft, validated locally, saved as one patch. */
export function GeneralSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { draft, edit, invalidFields, outcome, onSubmit } = useSettingsForm(settings, generalForm);

  const fieldError = (field: TextDraftField) => (invalidFields.has(field) ? t(`settings.fieldError.${field}`) : undefined);

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
              if (authMode.success) edit('authMode')(authMode.data);
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
            onChange={(event) => edit('historyShowsComments')(event.target.checked)}
          />
          <span>{t('settings.venueManager.historyShowsComments')}</span>
        </label>
        <p className="field__hint">{t('settings.venueManager.historyShowsCommentsHint')}</p>
      </div>

      <div className="settings__actions">
        <button type="submit" className="button button--primary" data-testid="settings-save" disabled={outcome.kind === 'saving'}>
          {outcome.kind === 'saving' ? t('settings.saving') : t('settings.save')}
        </button>
        <SaveOutcomeMessage outcome={outcome} testIdPrefix="settings" />
      </div>
    </form>
  );
}
