import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { StateMessage } from '../../ui/StateMessage';
import { useVenueTime } from '../../ui/useVenueTime';
import { useQuarantineReason } from './useQuarantineReason';

/**
 * Files the mirror refused (the stored older version stays in use), with the reason, what was
 * wrong and the file's beginning: collapsed until asked for, loaded when opened.
 */
export function TickowebQuarantineList({ count }: { count: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const venueTime = useVenueTime();
  const reasonWords = useQuarantineReason();
  const { quarantine, load } = useAppStore(
    useShallow((state) => ({ quarantine: state.tickowebQuarantine, load: state.loadTickowebQuarantine })),
  );
  const [open, setOpen] = useState(false);

  if (count === 0 && !open) {
    return (
      <p className="field__hint" data-testid="tickoweb-quarantine-none">
        {t('tickoweb.quarantine.none')}
      </p>
    );
  }

  const toggle = () => {
    if (!open) void load();
    setOpen(!open);
  };
  const entries = quarantine.phase === 'idle' ? null : quarantine.entries;

  return (
    <div className="tickoweb-quarantine">
      <button
        type="button"
        className="button"
        data-testid="tickoweb-quarantine-toggle"
        aria-expanded={open}
        aria-controls="tickoweb-quarantine-list"
        onClick={toggle}
      >
        <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
        {open ? t('tickoweb.quarantine.hide') : t('tickoweb.quarantine.show', { count })}
      </button>
      {open && (
        <div id="tickoweb-quarantine-list" data-testid="tickoweb-quarantine">
          <p className="field__hint">{t('tickoweb.quarantine.intro')}</p>
          {quarantine.phase === 'loading' && entries === null && <p className="field__hint">{t('tickoweb.quarantine.loading')}</p>}
          {quarantine.phase === 'failed' && (
            <>
              <StateMessage tone="bad">{errorText(quarantine.error)}</StateMessage>
              <button type="button" className="button" onClick={() => void load()}>
                {t('tickoweb.quarantine.retry')}
              </button>
            </>
          )}
          {entries !== null && entries.length === 0 && <p className="field__hint">{t('tickoweb.quarantine.empty')}</p>}
          {entries !== null && entries.length > 0 && (
            <table className="history__table tickoweb-quarantine__table">
              <thead>
                <tr>
                  <th scope="col">{t('tickoweb.quarantine.file')}</th>
                  <th scope="col">{t('tickoweb.quarantine.reasonColumn')}</th>
                  <th scope="col">{t('tickoweb.quarantine.detail')}</th>
                  <th scope="col">{t('tickoweb.quarantine.sample')}</th>
                  <th scope="col">{t('tickoweb.quarantine.at')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry, index) => (
                  <tr key={`${entry.file}-${String(entry.at)}-${String(index)}`} data-testid="tickoweb-quarantine-entry" data-reason={entry.reason}>
                    <td className="tickoweb-quarantine__file">
                      <code>{entry.file}</code>
                    </td>
                    <td>{reasonWords(entry.reason)}</td>
                    <td>{entry.detail}</td>
                    <td>
                      {entry.sample === '' ? (
                        <span className="details__missing">{t('tickoweb.quarantine.noSample')}</span>
                      ) : (
                        <pre className="tickoweb-quarantine__sample">{entry.sample}</pre>
                      )}
                    </td>
                    <td className="history__time">{venueTime(entry.at, { dateStyle: 'short', timeStyle: 'short' })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
