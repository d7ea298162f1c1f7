import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Status } from '../../../../shared/contract';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { classifyReason } from './connectivityReason';

type Connectivity = Status['connectivity']['state'];

// Shape and word carry the meaning; colour only repeats it.
const icons: Record<Connectivity, string> = { online: '✔', degraded: '▲', offline: '✖', unknown: '?' };

export function ConnectivityIndicator() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { connectivity, timeZone } = useAppStore(
    useShallow((state) => ({
      connectivity: state.status?.connectivity ?? null,
      timeZone: state.settingsView?.settings.venueTimeZone,
    })),
  );
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
          {t('status.lastSuccess', { time: formatClock(lastSuccessAt, i18n.language, timeZone) })}
        </span>
      )}
    </div>
  );
}

/** Epoch ms as the venue's clock time, the only clock staff compare with. */
function formatClock(epochMs: number, language: string, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone }).format(epochMs);
  } catch {
    return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(epochMs);
  }
}
