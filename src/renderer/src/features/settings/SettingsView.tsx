import { useTranslation } from 'react-i18next';
import { hashForView } from '../../routing/viewHash';
import { useAppStore } from '../../store/StoreProvider';
import { DisplaySettings } from './DisplaySettings';
import { GeneralSettingsForm } from './GeneralSettingsForm';
import { SecretsSection } from './SecretsSection';
import { SettingsProblems } from './SettingsProblems';
import { useEscapeBack } from './useEscapeBack';

export function SettingsView() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.settingsView);
  useEscapeBack();

  return (
    <div className="settings">
      <div className="settings__header">
        <h1>{t('settings.title')}</h1>
        <a className="button" href={hashForView('identify')}>
          {t('settings.back')}
        </a>
      </div>
      {view === null ? (
        <p>{t('settings.loading')}</p>
      ) : (
        <>
          <SettingsProblems problems={view.problems} />
          <DisplaySettings settings={view.settings} />
          <GeneralSettingsForm settings={view.settings} />
          <SecretsSection view={view} />
        </>
      )}
    </div>
  );
}
