import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { StateMessage } from '../../ui/StateMessage';

/**
 * "Prepare for offline": paste the barcodes (or product numbers) of the guests expected, and the
 * desk fetches them now, with progress, so it can still answer for them when the network goes.
 */
export function PrewarmForm({ onFinished }: { onFinished: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const prewarm = useAppStore((state) => state.prewarm);
  const startPrewarm = useAppStore((state) => state.startPrewarm);
  const cancelPrewarm = useAppStore((state) => state.cancelPrewarm);
  const [kind, setKind] = useState<'barcode' | 'productId'>('barcode');
  const [text, setText] = useState('');
  const values = text
    .split(/[\s,;]+/)
    .map((value) => value.trim())
    .filter((value) => value !== '');

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (values.length === 0) return;
    await startPrewarm(kind, values);
    onFinished();
  };

  return (
    <form className="prewarm" onSubmit={(event) => void onSubmit(event)} data-testid="prewarm" noValidate>
      <h3 className="section-heading">{t('settings.prewarm.title')}</h3>
      <p className="field__hint">{t('settings.prewarm.intro')}</p>
      <div className="reader-row">
        <label className="field__label" htmlFor="prewarm-kind">
          {t('settings.prewarm.kind')}
        </label>
        <select id="prewarm-kind" value={kind} data-testid="prewarm-kind" onChange={(event) => setKind(event.target.value === 'productId' ? 'productId' : 'barcode')}>
          <option value="barcode">{t('settings.prewarm.barcodes')}</option>
          <option value="productId">{t('settings.prewarm.productIds')}</option>
        </select>
      </div>
      <label className="visually-hidden" htmlFor="prewarm-values">
        {t('settings.prewarm.values')}
      </label>
      <textarea id="prewarm-values" rows={4} value={text} placeholder={t('settings.prewarm.values')} data-testid="prewarm-values" onChange={(event) => setText(event.target.value)} />
      <div className="settings__actions">
        {prewarm.phase === 'running' ? (
          <>
            <progress max={Math.max(prewarm.total, 1)} value={prewarm.done} data-testid="prewarm-progress" />
            <span role="status">{t('settings.prewarm.progress', { done: prewarm.done, total: prewarm.total })}</span>
            <button type="button" className="button" data-testid="prewarm-cancel" onClick={cancelPrewarm}>
              {t('actions.cancel')}
            </button>
          </>
        ) : (
          <button type="submit" className="button" data-testid="prewarm-start" disabled={values.length === 0}>
            {t('settings.prewarm.start', { count: values.length })}
          </button>
        )}
      </div>
      {prewarm.phase === 'finished' && (
        <StateMessage tone={prewarm.report.failed > 0 ? 'bad' : 'good'} testId="prewarm-result">
          {t(prewarm.report.cancelled ? 'settings.prewarm.cancelled' : 'settings.prewarm.finished', {
            products: prewarm.report.products,
            empty: prewarm.report.empty,
            failed: prewarm.report.failed,
          })}
        </StateMessage>
      )}
      {prewarm.phase === 'failed' && <StateMessage tone="bad">{errorText(prewarm.error)}</StateMessage>}
    </form>
  );
}
