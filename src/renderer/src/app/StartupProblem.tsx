import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useErrorText } from '../i18n/useErrorText';
import { useAppStore } from '../store/StoreProvider';

/** Initial data that failed to load, with a way to retry (a lost connection has its own banner). */
export function StartupProblem() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { startup, connection, loadCoreData } = useAppStore(
    useShallow((state) => ({ startup: state.startup, connection: state.connection, loadCoreData: state.loadCoreData })),
  );
  if (startup.phase !== 'failed' || connection === 'reconnecting') return null;
  return (
    <div className="banner banner--warn" role="alert" data-testid="startup-error">
      <span className="banner__icon" aria-hidden="true">
        ▲
      </span>
      <div>
        <strong>{t('app.startupFailed')}</strong>
        <p>{errorText(startup.error)}</p>
      </div>
      <button type="button" className="button" onClick={() => void loadCoreData()}>
        {t('app.retry')}
      </button>
    </div>
  );
}
