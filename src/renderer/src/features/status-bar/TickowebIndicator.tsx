import { useTranslation } from 'react-i18next';
import { hashForView } from '../../routing/viewHash';
import { useAppStore } from '../../store/StoreProvider';
import { useVenueTime } from '../../ui/useVenueTime';
import { tickowebInUse, tickowebRunState, type TickowebRunState } from '../tickoweb/tickowebState';

const clock: Intl.DateTimeFormatOptions = { timeStyle: 'short' };

const tones: Record<TickowebRunState['kind'], string> = {
  running: 'pending',
  never: 'neutral',
  interrupted: 'warn',
  done: 'good',
  cancelled: 'warn',
  failed: 'bad',
};

// Shape and word carry the meaning; colour only repeats it.
const icons: Record<TickowebRunState['kind'], string> = {
  running: '◷',
  never: '○',
  interrupted: '▲',
  done: '✔',
  cancelled: '■',
  failed: '✖',
};

/**
 * The Tickoweb mirror at a glance, a link to Settings where it is synced: "Tickoweb 14:02 ✔",
 * "syncing 3/12", "failed". Absent on a desk without Tickoweb (neither configured nor demo).
 */
export function TickowebIndicator() {
  const { t } = useTranslation();
  const summary = useAppStore((state) => state.tickowebSummary);
  const venueTime = useVenueTime();
  if (!tickowebInUse(summary)) return null;
  const run = tickowebRunState(summary);

  let word: string;
  switch (run.kind) {
    case 'running':
      word =
        run.progress.bucketsTotal > 0
          ? t('tickoweb.status.syncing', { done: run.progress.bucketsDone, total: run.progress.bucketsTotal })
          : t('tickoweb.status.syncingStart');
      break;
    case 'never':
      word = t('tickoweb.status.never');
      break;
    case 'interrupted':
      word = t('tickoweb.status.interrupted');
      break;
    case 'done':
      word = venueTime(run.at, clock);
      break;
    case 'cancelled':
      word = t('tickoweb.status.cancelled', { time: venueTime(run.at, clock) });
      break;
    case 'failed':
      word = t('tickoweb.status.failed');
      break;
  }

  return (
    <a
      href={hashForView('settings')}
      className={`indicator indicator--link indicator--tickoweb indicator--${tones[run.kind]}`}
      data-testid="status-tickoweb"
      data-state={run.kind}
      title={t('tickoweb.status.title')}
    >
      <span className="indicator__label">{t('tickoweb.status.label')}</span>
      <strong className="indicator__word" data-testid="status-tickoweb-word">
        {word}
      </strong>
      <span className="indicator__icon" aria-hidden="true">
        {icons[run.kind]}
      </span>
      {run.kind === 'done' && <span className="visually-hidden">{t('tickoweb.status.done')}</span>}
    </a>
  );
}
