import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderDiagnostic } from '../../../../shared/readers';
import { useAppStore } from '../../store/StoreProvider';
import { useProfileLabel } from '../uid-format/useProfileLabel';
import { useReaderName } from './useReaderName';

const refreshMs = 500;

/**
 * The reader test screen: is each reader there, does it send anything, and what does a tap look
 * like in every form — the first thing to open when "the reader does nothing" at 2 a.m.
 */
export function ReaderTestView() {
  const { t } = useTranslation();
  const diagnostics = useAppStore((state) => state.readerDiagnostics);
  const load = useAppStore((state) => state.loadReaderDiagnostics);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), refreshMs);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <div className="reader-test" data-testid="reader-test">
      <h1>{t('readers.title')}</h1>
      <p className="field__hint">{t('readers.intro')}</p>
      {diagnostics === null ? (
        <p>{t('readers.loading')}</p>
      ) : diagnostics.length === 0 ? (
        <p data-testid="readers-none">{t('readers.none')}</p>
      ) : (
        diagnostics.map((reader) => <ReaderCard key={reader.id} reader={reader} />)
      )}
    </div>
  );
}

function ReaderCard({ reader }: { reader: ReaderDiagnostic }) {
  const { t } = useTranslation();
  const profileLabel = useProfileLabel();
  const readerName = useReaderName();
  const connected = reader.state === 'connected';
  return (
    <section className="settings__section reader-card" data-testid="reader-card" data-reader={reader.id}>
      <h2 className="section-heading">
        {readerName(reader)} <span className="reader-card__kind">{t(`readers.kind.${reader.kind}`)}</span>
      </h2>
      <p className={`state-line state-line--compact ${connected ? 'state--good' : 'state--bad'}`} data-testid="reader-state">
        <span className="state-line__icon" aria-hidden="true">
          {connected ? '●' : '✖'}
        </span>
        {connected ? t('readers.connected') : t('readers.disconnected')}
      </p>
      {reader.problem !== undefined && (
        <p className="field__hint" data-testid="reader-problem">
          {t('errors.READER_DRIVER_UNAVAILABLE')} <span className="mono">{reader.problem}</span>
        </p>
      )}
      <p data-testid="reader-taps">{t('readers.taps', { count: reader.taps })}</p>
      {reader.lastScan !== undefined && (
        <>
          <h3 className="section-heading">{t('readers.lastTap')}</h3>
          <p className="reader-card__uid" data-testid="reader-last-uid">
            {reader.lastScan.uid}
          </p>
          {reader.representations.length > 0 && (
            <table className="reader-card__forms" data-testid="reader-forms">
              <tbody>
                {reader.representations.map((form) => (
                  <tr key={form.value}>
                    <td className="mono">{form.value}</td>
                    <td>{profileLabel(form.profile)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <h3 className="section-heading">{t('readers.recent')}</h3>
      {reader.recentReports.length === 0 ? (
        <p className="field__hint">{t('readers.noReports')}</p>
      ) : (
        <pre className="reader-card__reports" data-testid="reader-reports">
          {reader.recentReports.join('\n')}
        </pre>
      )}
    </section>
  );
}
