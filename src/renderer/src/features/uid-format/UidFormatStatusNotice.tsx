import { useTranslation } from 'react-i18next';
import { selectIsDemo } from '../../store/selectors';
import { useAppStore } from '../../store/StoreProvider';

/** In the status bar until the venue's UID format is calibrated (the demo's is known). */
export function UidFormatStatusNotice() {
  const { t } = useTranslation();
  const demo = useAppStore(selectIsDemo);
  const uncalibrated = useAppStore((state) => state.settingsView?.settings.venueUidFormat.state === 'uncalibrated');
  if (demo || !uncalibrated) return null;
  return (
    <div className="indicator indicator--degraded" data-testid="status-uid-uncalibrated" role="status">
      <span className="indicator__icon" aria-hidden="true">
        ▲
      </span>
      <span className="indicator__word">{t('uidFormat.statusUncalibrated')}</span>
    </div>
  );
}
