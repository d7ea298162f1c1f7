import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useErrorText } from '../i18n/useErrorText';
import { useAppStore } from '../store/StoreProvider';
import { Banner } from '../ui/Banner';

/** Initial data that failed to load, with a way to retry (a lost connection has its own banner). */
export function StartupProblem() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { startup, connection, loadCoreData } = useAppStore(
    useShallow((state) => ({ startup: state.startup, connection: state.connection, loadCoreData: state.loadCoreData })),
  );
  if (startup.phase !== 'failed' || connection === 'reconnecting') return null;
  return (
    <Banner
      tone="warn"
      title={t('app.startupFailed')}
      testId="startup-error"
      action={
        <button type="button" className="button" onClick={() => void loadCoreData()}>
          {t('app.retry')}
        </button>
      }
    >
      <p>{errorText(startup.error)}</p>
    </Banner>
  );
}
