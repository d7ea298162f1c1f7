import { useTranslation } from 'react-i18next';
import type { Status } from '../../../../shared/contract';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { useVenueTime } from '../../ui/useVenueTime';
import { classifyReason } from './connectivityReason';

type Connectivity = Status['connectivity']['state'];

// Shape and word carry the meaning; colour only repeats it.
const icons: Record<Connectivity, string> = { online: '✔', degraded: '▲', offline: '✖', unknown: '?' };

export function ConnectivityIndicator() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const venueTime = useVenueTime();
  const connectivity = useAppStore((state) => state.status?.connectivity ?? null);
  const current = connectivity?.state ?? 'unknown';
  const reason = classifyReason(connectivity?.reason);
  const lastSuccessAt = connectivity?.lastSuccessAt;

  return (
    <div
      className={`indicator indicator--${current}`}
      data-testid="status-connectivity"
      data-state={current}
      title={reason.kind === 'none' ? undefined : errorText(reason)}
    >
      <span className="indicator__icon" aria-hidden="true">
        {icons[current]}
      </span>
      <span className="indicator__label">{t('status.venueManager')}</span>
      <strong className="indicator__word">{t(`status.connectivity.${current}`)}</strong>
      {reason.kind === 'short' && <span className="indicator__reason">{t(`status.reason.${reason.code}`)}</span>}
      {current !== 'online' && lastSuccessAt !== undefined && (
        <span className="indicator__since">
          {t('status.lastSuccess', { time: venueTime(lastSuccessAt, { timeStyle: 'short' }) })}
        </span>
      )}
    </div>
  );
}
