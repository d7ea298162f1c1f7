import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';
import { CacheSummaryLine } from './CacheSummaryLine';
import { PrewarmForm } from './PrewarmForm';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'confirming' }
  | { kind: 'busy' }
  | { kind: 'cleared'; scans: number }
  | { kind: 'failed'; text: string };

/** The admin's switches for the desk as a whole: stop talking to Venue Manager, and forget what was stored. */
export function DeskDataSection({ workOffline }: { workOffline: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const updateSettings = useAppStore((state) => state.updateSettings);
  const clearLocalData = useAppStore((state) => state.clearLocalData);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [offlineProblem, setOfflineProblem] = useState<string | null>(null);
  // Bumped after a pre-warm, so the cache summary is read again.
  const [cacheRevision, setCacheRevision] = useState(0);

  const toggleOffline = async (next: boolean) => {
    setOfflineProblem(null);
    try {
      await updateSettings({ workOffline: next });
    } catch (error) {
      setOfflineProblem(errorText(toAppError(error)));
    }
  };

  const clear = async () => {
    setOutcome({ kind: 'busy' });
    try {
      setOutcome({ kind: 'cleared', scans: await clearLocalData() });
    } catch (error) {
      setOutcome({ kind: 'failed', text: errorText(toAppError(error)) });
    }
  };

  return (
    <section className="settings__section" aria-labelledby="settings-desk-data" data-testid="settings-desk-data">
      <h2 id="settings-desk-data" className="section-heading">
        {t('settings.deskData.title')}
      </h2>
      <label className="checkbox-field">
        <input
          type="checkbox"
          checked={workOffline}
          data-testid="settings-work-offline"
          onChange={(event) => void toggleOffline(event.target.checked)}
        />
        <span>{t('settings.deskData.workOffline')}</span>
      </label>
      <p className="field__hint">{t('settings.deskData.workOfflineHint')}</p>
      {offlineProblem !== null && <StateMessage tone="bad">{offlineProblem}</StateMessage>}

      <CacheSummaryLine refreshKey={cacheRevision + (outcome.kind === 'cleared' ? 1 : 0)} />
      <PrewarmForm onFinished={() => setCacheRevision((revision) => revision + 2)} />
      <div className="settings__actions">
        {outcome.kind === 'confirming' ? (
          <>
            <span>{t('settings.deskData.clearConfirm')}</span>
            <button type="button" className="button button--danger" data-testid="settings-clear-confirm" onClick={() => void clear()}>
              {t('settings.deskData.clearYes')}
            </button>
            <button type="button" className="button" onClick={() => setOutcome({ kind: 'idle' })}>
              {t('settings.deskData.clearNo')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="settings-clear"
            disabled={outcome.kind === 'busy'}
            onClick={() => setOutcome({ kind: 'confirming' })}
          >
            {t('settings.deskData.clear')}
          </button>
        )}
      </div>
      {outcome.kind === 'cleared' && (
        <StateMessage tone="good" testId="settings-cleared">
          {t('settings.deskData.cleared', { count: outcome.scans })}
        </StateMessage>
      )}
      {outcome.kind === 'failed' && <StateMessage tone="bad">{outcome.text}</StateMessage>}
    </section>
  );
}
