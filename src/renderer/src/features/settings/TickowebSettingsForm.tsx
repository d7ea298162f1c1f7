import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/settings';
import { TextField } from '../../ui/TextField';
import { SaveOutcomeMessage } from './SaveOutcomeMessage';
import { tickowebDraftFromSettings, validateTickowebDraft, type TickowebDraftField } from './tickowebDraft';
import { useSettingsForm } from './useSettingsForm';

const tickowebForm = { fromSettings: tickowebDraftFromSettings, validate: validateTickowebDraft };

/** The connection fields in display order; each is a TextField with id and test id `settings-tickoweb-<idSuffix>`. */
const connectionFields = [
  { field: 'baseUrl', idSuffix: 'baseurl', type: 'url', label: 'tickoweb.settings.baseUrl', hint: 'tickoweb.settings.baseUrlHint' },
  { field: 'username', idSuffix: 'username', label: 'tickoweb.settings.username', hint: 'tickoweb.settings.passwordHint' },
  { field: 'autoSyncMinutes', idSuffix: 'autosync', inputMode: 'numeric', label: 'tickoweb.settings.autoSyncMinutes', hint: 'tickoweb.settings.autoSyncMinutesHint' },
  { field: 'fullReconcileHours', idSuffix: 'reconcile', inputMode: 'numeric', label: 'tickoweb.settings.fullReconcileHours', hint: 'tickoweb.settings.fullReconcileHoursHint' },
] as const satisfies readonly { field: TickowebDraftField; idSuffix: string; type?: 'url'; inputMode?: 'numeric'; label: string; hint: string }[];

/** Admin only: where the mirror reads from and how often (saved as the one `tickoweb` settings group). */
export function TickowebSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { draft, edit, invalidFields, outcome, onSubmit } = useSettingsForm(settings, tickowebForm);

  const fieldError = (field: TickowebDraftField) => (invalidFields.has(field) ? t(`tickoweb.settings.fieldError.${field}`) : undefined);

  return (
    <form className="tickoweb-settings__form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="tickoweb-settings-connection" data-testid="tickoweb-settings-form">
      <h3 id="tickoweb-settings-connection" className="section-heading">
        {t('tickoweb.settings.connection')}
      </h3>
      <div className="settings__grid">
        {connectionFields.map((spec) => (
          <TextField
            key={spec.field}
            id={`settings-tickoweb-${spec.idSuffix}`}
            testId={`settings-tickoweb-${spec.idSuffix}`}
            type={'type' in spec ? spec.type : undefined}
            inputMode={'inputMode' in spec ? spec.inputMode : undefined}
            label={t(spec.label)}
            hint={t(spec.hint)}
            value={draft[spec.field]}
            onChange={edit(spec.field)}
            error={fieldError(spec.field)}
          />
        ))}
      </div>
      <div className="settings__actions">
        <button type="submit" className="button button--primary" data-testid="settings-tickoweb-save" disabled={outcome.kind === 'saving'}>
          {outcome.kind === 'saving' ? t('settings.saving') : t('tickoweb.settings.save')}
        </button>
        <SaveOutcomeMessage outcome={outcome} testIdPrefix="settings-tickoweb" />
      </div>
    </form>
  );
}
