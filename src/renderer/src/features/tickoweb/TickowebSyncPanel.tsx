import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { TickowebSummary, TickowebSyncProgress } from '../../../../shared/tickoweb';
import { useErrorText } from '../../i18n/useErrorText';
import type { TickowebSyncRequest } from '../../store/slices/tickowebSlice';
import { useAppStore } from '../../store/StoreProvider';
import { formatAge } from '../../ui/formatAge';
import { StateMessage } from '../../ui/StateMessage';
import { useNow } from '../../ui/useNow';
import { useVenueTime } from '../../ui/useVenueTime';
import { knownErrorCode, tickowebRunState } from './tickowebState';

const when: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' };

/**
 * What the mirror holds and how syncing goes: counts, the last run, the running one with its
 * progress (phase, folders, orders, rate) and Cancel, and the buttons to sync now. Any operator
 * may sync; only the connection itself is the admin's.
 */
export function TickowebSyncPanel({ summary }: { summary: TickowebSummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { request, cancelError, startSync, cancelSync } = useAppStore(
    useShallow((state) => ({
      request: state.tickowebSync,
      cancelError: state.tickowebCancelError,
      startSync: state.startTickowebSync,
      cancelSync: state.cancelTickowebSync,
    })),
  );
  const usable = summary.configured || summary.demo;
  const running = summary.running !== undefined || request.phase === 'running';

  return (
    <div className="tickoweb-sync" data-testid="tickoweb-sync-panel">
      {!usable && (
        <p className="state-line state-line--compact state--neutral" data-testid="tickoweb-not-configured">
          <span className="state-line__icon" aria-hidden="true">
            ○
          </span>
          {t('tickoweb.sync.notConfigured')}
        </p>
      )}
      {summary.demo && (
        <p className="field__hint" data-testid="tickoweb-demo">
          {t('tickoweb.sync.demo')}
        </p>
      )}
      <dl className="tickoweb-sync__counts" data-testid="tickoweb-counts">
        <div data-testid="tickoweb-count-events">
          <dt>{t('tickoweb.sync.events')}</dt>
          <dd>{summary.events}</dd>
        </div>
        <div data-testid="tickoweb-count-orders">
          <dt>{t('tickoweb.sync.orders')}</dt>
          <dd>{summary.orders}</dd>
        </div>
        <div data-testid="tickoweb-count-quarantined" className={summary.quarantined > 0 ? 'state--warn' : undefined}>
          <dt>{t('tickoweb.sync.quarantined')}</dt>
          <dd>
            {summary.quarantined > 0 && <span aria-hidden="true">▲ </span>}
            {summary.quarantined}
          </dd>
        </div>
      </dl>
      <LastRunLine summary={summary} />
      {summary.running !== undefined ? (
        <SyncProgress progress={summary.running} onCancel={() => void cancelSync()} />
      ) : (
        request.phase === 'running' && (
          <div className="tickoweb-sync__progress" data-testid="tickoweb-progress" data-phase="starting">
            <span role="status">{t('tickoweb.sync.starting')}</span>
            <progress className="tickoweb-sync__bar" />
            <button type="button" className="button" data-testid="tickoweb-cancel" onClick={() => void cancelSync()}>
              {t('tickoweb.sync.cancel')}
            </button>
          </div>
        )
      )}
      {cancelError !== null && <StateMessage tone="bad">{errorText(cancelError)}</StateMessage>}
      {usable && (
        <div className="settings__actions">
          <button type="button" className="button button--primary" data-testid="tickoweb-sync" disabled={running} onClick={() => void startSync(false)}>
            {t('tickoweb.sync.now')}
          </button>
          <button type="button" className="button" data-testid="tickoweb-full-sync" disabled={running} onClick={() => void startSync(true)}>
            {t('tickoweb.sync.full')}
          </button>
          <span className="field__hint">{t('tickoweb.sync.fullHint')}</span>
        </div>
      )}
      <RequestOutcome request={request} />
    </div>
  );
}

function SyncProgress({ progress, onCancel }: { progress: TickowebSyncProgress; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const rate = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(progress.rate);
  const known = progress.bucketsTotal > 0;
  return (
    <div className="tickoweb-sync__progress" data-testid="tickoweb-progress" data-phase={progress.phase}>
      <label htmlFor="tickoweb-progress-bar" className="tickoweb-sync__phase" data-testid="tickoweb-progress-phase">
        {t(`tickoweb.phase.${progress.phase}`)}
      </label>
      {/* Without a total yet (still listing) the bar says "working", not a made-up share. */}
      {known ? (
        <progress id="tickoweb-progress-bar" className="tickoweb-sync__bar" max={progress.bucketsTotal} value={Math.min(progress.bucketsDone, progress.bucketsTotal)} />
      ) : (
        <progress id="tickoweb-progress-bar" className="tickoweb-sync__bar" />
      )}
      <span role="status" data-testid="tickoweb-progress-counts">
        {known ? t('tickoweb.sync.buckets', { done: progress.bucketsDone, total: progress.bucketsTotal }) : t('tickoweb.sync.bucketsUnknown')}
        {' · '}
        {t('tickoweb.sync.fetched', { count: progress.ordersFetched })}
        {progress.ordersUnchanged > 0 && ` · ${t('tickoweb.sync.unchanged', { count: progress.ordersUnchanged })}`}
        {' · '}
        {t('tickoweb.sync.rate', { rate })}
      </span>
      <button type="button" className="button" data-testid="tickoweb-cancel" onClick={onCancel}>
        {t('tickoweb.sync.cancel')}
      </button>
    </div>
  );
}

function LastRunLine({ summary }: { summary: TickowebSummary }) {
  const { t, i18n } = useTranslation();
  const venueTime = useVenueTime();
  const now = useNow(30_000);
  const run = tickowebRunState(summary);
  const at = (time: number) => ({ time: venueTime(time, when), relative: formatAge(time, now, i18n.language) });

  switch (run.kind) {
    case 'running':
      return null;
    case 'never':
      return (
        <p className="field__hint" data-testid="tickoweb-last-run" data-state="never">
          {t('tickoweb.sync.never')}
        </p>
      );
    case 'interrupted':
      return (
        <RunStateLine tone="warn" icon="▲" state="interrupted">
          {t('tickoweb.sync.interrupted', at(run.startedAt))}
        </RunStateLine>
      );
    case 'done':
      return (
        <RunStateLine tone="good" icon="✔" state="done">
          {run.ordersFetched === undefined
            ? t('tickoweb.sync.lastDone', at(run.at))
            : t('tickoweb.sync.lastDoneCount', { ...at(run.at), count: run.ordersFetched })}
        </RunStateLine>
      );
    case 'cancelled':
      return (
        <RunStateLine tone="warn" icon="■" state="cancelled">
          {t('tickoweb.sync.lastCancelled', at(run.at))}
        </RunStateLine>
      );
    case 'failed':
      return (
        <div data-testid="tickoweb-last-run" data-state="failed">
          <RunStateLine tone="bad" icon="✖">
            {t('tickoweb.sync.lastFailed', at(run.at))}
          </RunStateLine>
          {run.error !== null && (
            <p className="field__hint" data-testid="tickoweb-last-error">
              {t('tickoweb.sync.errorDetail')} <q>{run.error}</q>
            </p>
          )}
        </div>
      );
  }
}

/**
 * One line of the last run's state: icon and words, never colour alone. With `state` it is the
 * `tickoweb-last-run` line itself; without, it sits inside a wrapper that carries those.
 */
function RunStateLine({ tone, icon, state, children }: { tone: 'good' | 'warn' | 'bad'; icon: string; state?: string; children: ReactNode }) {
  return (
    <p className={`state-line state-line--compact state--${tone}`} data-testid={state === undefined ? undefined : 'tickoweb-last-run'} data-state={state}>
      <span className="state-line__icon" aria-hidden="true">
        {icon}
      </span>
      {children}
    </p>
  );
}

/** The answer to the sync this desk asked for, in words. */
function RequestOutcome({ request }: { request: TickowebSyncRequest }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (request.phase === 'failed') {
    return (
      <StateMessage tone="bad" testId="tickoweb-sync-outcome">
        {errorText(request.error)}
      </StateMessage>
    );
  }
  if (request.phase !== 'finished') return null;
  const { report } = request;
  switch (report.result) {
    case 'done':
      return (
        <StateMessage tone="good" testId="tickoweb-sync-outcome">
          {t('tickoweb.sync.reportDone', {
            fetched: report.ordersFetched,
            unchanged: report.ordersUnchanged,
            deleted: report.ordersDeleted,
            quarantined: report.quarantined,
          })}
        </StateMessage>
      );
    case 'cancelled':
      return (
        <StateMessage tone="neutral" testId="tickoweb-sync-outcome">
          {t('tickoweb.sync.reportCancelled', { fetched: report.ordersFetched })}
        </StateMessage>
      );
    case 'failed': {
      const code = knownErrorCode(report.error?.code);
      return (
        <StateMessage tone="bad" testId="tickoweb-sync-outcome">
          {code === null ? t('tickoweb.sync.reportFailed') : errorText({ code })}
        </StateMessage>
      );
    }
  }
}
