import { useTranslation } from 'react-i18next';
import { selectIsDemo } from '../../store/selectors';
import { useAppStore } from '../../store/StoreProvider';
import { OperatorControl } from '../operator/OperatorControl';
import { ConnectivityIndicator } from './ConnectivityIndicator';
import { OutboxIndicator } from './OutboxIndicator';
import { UidFormatStatusNotice } from '../uid-format/UidFormatStatusNotice';
import { CredentialExpiryNotice } from './CredentialExpiryNotice';
import { DemoBadge } from './DemoBadge';
import { ReaderIndicators } from './ReaderIndicators';
import { TickowebIndicator } from './TickowebIndicator';
import { ViewNavigation } from './ViewNavigation';

/** Always on screen: where this desk stands (demo, online, readers, who is signed in) and the way to the other views. */
export function StatusBar() {
  const { t } = useTranslation();
  const deskName = useAppStore((state) => state.settingsView?.settings.deskName ?? null);
  const demo = useAppStore(selectIsDemo);

  return (
    <header className="status-bar" data-testid="status-bar">
      <div className="status-bar__desk">
        <span className="status-bar__app">{t('app.name')}</span>
        {deskName !== null && (
          <span className="status-bar__desk-name" data-testid="status-desk">
            {deskName}
          </span>
        )}
      </div>
      {demo && <DemoBadge />}
      <ConnectivityIndicator />
      <OutboxIndicator />
      <TickowebIndicator />
      <CredentialExpiryNotice />
      <UidFormatStatusNotice />
      <ReaderIndicators />
      <OperatorControl />
      <ViewNavigation />
    </header>
  );
}
