import { useEffect, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { StateMessage } from '../../ui/StateMessage';

/**
 * The demo's stand-in for a reader. It only asks the core to tap; the answer comes back as a
 * `scan` event through the same path as a real wristband, so the demo exercises the real flow.
 */
export function VirtualReaderPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { samples, selected, error, loadSamples, selectSample, virtualTap } = useAppStore(
    useShallow((state) => ({
      samples: state.samples,
      selected: state.selectedSampleUid,
      error: state.virtualReaderError,
      loadSamples: state.loadSamples,
      selectSample: state.selectSample,
      virtualTap: state.virtualTap,
    })),
  );

  useEffect(() => {
    void loadSamples();
  }, [loadSamples]);

  // Choosing a sample taps it at once: picking one is the demo's way of tapping it.
  const onChoose = (event: ChangeEvent<HTMLSelectElement>) => {
    selectSample(event.target.value);
    void virtualTap(event.target.value === '' ? undefined : event.target.value);
  };

  return (
    <aside className="virtual-reader" aria-labelledby="virtual-reader-title">
      <h2 id="virtual-reader-title" className="section-heading">
        {t('virtualReader.title')}
      </h2>
      <button
        type="button"
        className="button button--primary virtual-reader__tap"
        data-testid="virtual-tap"
        aria-keyshortcuts="F2"
        onClick={() => void virtualTap(selected === '' ? undefined : selected)}
      >
        {t('virtualReader.tap')} <kbd>F2</kbd>
      </button>
      <label className="field">
        <span className="field__label">{t('virtualReader.sample')}</span>
        <select data-testid="virtual-sample-select" value={selected} onChange={onChoose}>
          <option value="">{t('virtualReader.anySample')}</option>
          {samples.map((sample) => (
            <option key={sample.uid} value={sample.uid}>
              {t('virtualReader.sampleOption', {
                label: sample.label,
                kind: t(`virtualReader.kind.${sample.kind}`),
                uid: sample.uid,
              })}
            </option>
          ))}
        </select>
      </label>
      <p className="field__hint">{t('virtualReader.hint')}</p>
      {error !== null && (
        <StateMessage tone="bad">{errorText(error)}</StateMessage>
      )}
    </aside>
  );
}
