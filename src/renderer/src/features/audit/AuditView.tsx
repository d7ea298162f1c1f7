import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';
import { AuditFilterForm } from './AuditFilterForm';
import { AuditTable } from './AuditTable';
import { filterFromDraft } from './auditFilter';
import { downloadCsv } from './downloadCsv';

type Export = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; rows: number; fileName: string } | { kind: 'failed'; text: string };

/** The audit log (DESIGN §2.9): every action with who, where, when, why and how it ended; CSV for the admin. */
export function AuditView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { list, loadOlder, exportCsv } = useAppStore(
    useShallow((state) => ({
      list: state.auditList,
      loadOlder: state.loadOlderAudit,
      exportCsv: state.exportAuditCsv,
    })),
  );
  const storeApi = useAppStoreApi();
  const [exported, setExported] = useState<Export>({ kind: 'idle' });

  // On opening: the filter as it was typed (kept across views), or everything. Later changes apply with "Show".
  useEffect(() => {
    const state = storeApi.getState();
    const check = filterFromDraft(state.auditDraft, state.settingsView?.settings.venueTimeZone);
    void state.loadAudit(check.ok ? check.filter : {});
  }, [storeApi]);

  const onExport = async () => {
    if (list.phase === 'idle') return;
    setExported({ kind: 'busy' });
    try {
      const { fileName, csv, rows } = await exportCsv(list.filter);
      downloadCsv(fileName, csv);
      setExported({ kind: 'done', rows, fileName });
    } catch (error) {
      setExported({ kind: 'failed', text: errorText(toAppError(error)) });
    }
  };

  return (
    <div className="audit-view" data-testid="audit-view">
      <div className="audit-view__header">
        <div>
          <h1>{t('audit.title')}</h1>
          <p className="field__hint">{t('audit.intro')}</p>
        </div>
        <div className="audit-view__export">
          <button
            type="button"
            className="button"
            data-testid="audit-export"
            disabled={exported.kind === 'busy' || list.phase === 'idle'}
            onClick={() => void onExport()}
          >
            {exported.kind === 'busy' ? t('audit.exporting') : t('audit.export')}
          </button>
          <span className="field__hint">{t('audit.exportHint')}</span>
        </div>
      </div>
      {exported.kind === 'done' && (
        <StateMessage tone="good" testId="audit-exported">
          {t('audit.exported', { count: exported.rows, fileName: exported.fileName })}
        </StateMessage>
      )}
      {exported.kind === 'failed' && (
        <StateMessage tone="bad" testId="audit-export-failed">
          {t('audit.exportFailed')} {exported.text}
        </StateMessage>
      )}
      <AuditFilterForm />
      <AuditResults />
      {list.phase === 'loaded' && (
        <div className="audit-view__more">
          {list.olderError !== null && (
            <StateMessage tone="bad" testId="audit-older-failed">
              {t('audit.loadFailed')} {errorText(list.olderError)}
            </StateMessage>
          )}
          {list.hasOlder ? (
            <button type="button" className="button" data-testid="audit-load-older" disabled={list.loadingOlder} onClick={() => void loadOlder()}>
              {list.loadingOlder ? t('audit.loadingOlder') : t('audit.loadOlder')}
            </button>
          ) : (
            list.entries.length > 0 && (
              <p className="field__hint" data-testid="audit-end">
                {t('audit.end')}
              </p>
            )
          )}
        </div>
      )}
    </div>
  );
}

function AuditResults() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useAppStore((state) => state.auditList);
  const loadAudit = useAppStore((state) => state.loadAudit);

  switch (list.phase) {
    case 'idle':
    case 'loading':
      return <p data-testid="audit-loading">{t('audit.loading')}</p>;
    case 'failed':
      return (
        <div className="audit-view__failure" role="alert" data-testid="audit-failed" data-code={list.error.code}>
          <p className="state-line state-line--compact state--bad">
            <span className="state-line__icon" aria-hidden="true">
              ✖
            </span>
            {t('audit.loadFailed')}
          </p>
          <p>{errorText(list.error)}</p>
          <button type="button" className="button" onClick={() => void loadAudit(list.filter)}>
            {t('audit.retry')}
          </button>
        </div>
      );
    case 'loaded':
      return list.entries.length === 0 ? (
        <p className="audit-view__empty" data-testid="audit-empty">
          {t('audit.empty')}
        </p>
      ) : (
        <>
          <p className="field__hint" data-testid="audit-count">
            {t('audit.count', { count: list.entries.length })}
          </p>
          <AuditTable entries={list.entries} />
        </>
      );
  }
}
