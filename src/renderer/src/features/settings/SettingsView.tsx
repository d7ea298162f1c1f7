import { useTranslation } from 'react-i18next';
import { hashForView } from '../../routing/viewHash';
import { useAppStore } from '../../store/StoreProvider';
import { AdminLockBar } from '../admin/AdminLockBar';
import { AdminUnlock } from '../admin/AdminUnlock';
import { ChangeAdminPin } from '../admin/ChangeAdminPin';
import { useLockOnLeave } from '../admin/useLockOnLeave';
import { ReaderPickerSection } from '../readers/ReaderPickerSection';
import { UidFormatSection } from '../uid-format/UidFormatSection';
import { DeskDataSection } from './DeskDataSection';
import { DisplaySettings } from './DisplaySettings';
import { GeneralSettingsForm } from './GeneralSettingsForm';
import { SecretsSection } from './SecretsSection';
import { SettingsProblems } from './SettingsProblems';
import { TickowebSection } from './TickowebSection';
import { useEscapeBack } from './useEscapeBack';

export function SettingsView() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.settingsView);
  const unlocked = useAppStore((state) => state.admin?.unlocked === true);
  useEscapeBack();
  useLockOnLeave();

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
          {/* Display settings are every volunteer's; the rest waits behind the admin PIN. */}
          <DisplaySettings settings={view.settings} />
          {unlocked ? (
            <>
              <AdminLockBar />
              <GeneralSettingsForm settings={view.settings} />
              <SecretsSection view={view} />
              <UidFormatSection format={view.settings.venueUidFormat} />
              <ReaderPickerSection readers={view.settings.readers} />
              <DeskDataSection workOffline={view.settings.workOffline} />
              <ChangeAdminPin />
            </>
          ) : (
            <AdminUnlock />
          )}
          {/* Syncing is every operator's; its connection settings inside are the admin's. */}
          <TickowebSection settings={view.settings} unlocked={unlocked} />
        </>
      )}
    </div>
  );
}
