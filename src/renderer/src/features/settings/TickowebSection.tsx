import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/settings';
import { useAppStore } from '../../store/StoreProvider';
import { TickowebQuarantineList } from '../tickoweb/TickowebQuarantineList';
import { TickowebSyncPanel } from '../tickoweb/TickowebSyncPanel';
import { TickowebSettingsForm } from './TickowebSettingsForm';

/**
 * Tickoweb in Settings: the mirror's state, syncing and refused files for every operator; the
 * connection (address, user, intervals) for the admin only, like Venue Manager's. The password is
 * a credential, set under Credentials.
 */
export function TickowebSection({ settings, unlocked }: { settings: Settings; unlocked: boolean }) {
  const { t } = useTranslation();
  const summary = useAppStore((state) => state.tickowebSummary);

  return (
    <section className="settings__section tickoweb-settings" aria-labelledby="settings-tickoweb" data-testid="settings-tickoweb">
      <h2 id="settings-tickoweb" className="section-heading">
        {t('tickoweb.settings.title')}
      </h2>
      {summary === null ? (
        <p className="field__hint" data-testid="tickoweb-summary-unknown">
          {t('tickoweb.sync.unknown')}
        </p>
      ) : (
        <>
          <TickowebSyncPanel summary={summary} />
          <TickowebQuarantineList count={summary.quarantined} />
        </>
      )}
      {unlocked ? (
        <TickowebSettingsForm settings={settings} />
      ) : (
        <p className="field__hint" data-testid="tickoweb-settings-locked">
          {t('tickoweb.settings.locked')}
        </p>
      )}
    </section>
  );
}
