import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/StoreProvider';

/** Shown while the core cannot be reached, so nobody waits on a tap that cannot be answered. */
export function ConnectionLostBanner() {
  const { t } = useTranslation();
  const lost = useAppStore((state) => state.connection === 'reconnecting');
  if (!lost) return null;
  return (
    <div className="banner banner--bad" role="alert" data-testid="core-connection-lost">
      <span className="banner__icon" aria-hidden="true">
        ✖
      </span>
      <div>
        <strong>{t('connection.lost')}</strong>
        <p>{t('connection.lostHint')}</p>
      </div>
    </div>
  );
}
