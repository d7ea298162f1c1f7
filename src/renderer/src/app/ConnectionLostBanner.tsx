import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/StoreProvider';
import { Banner } from '../ui/Banner';

/** Shown while the core cannot be reached, so nobody waits on a tap that cannot be answered. */
export function ConnectionLostBanner() {
  const { t } = useTranslation();
  const lost = useAppStore((state) => state.connection === 'reconnecting');
  if (!lost) return null;
  return (
    <Banner tone="bad" title={t('connection.lost')} testId="core-connection-lost">
      <p>{t('connection.lostHint')}</p>
    </Banner>
  );
}
