import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadersSettings } from '../../../../shared/readers';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';
import { TextField } from '../../ui/TextField';

type Outcome = { tone: 'good' | 'bad'; text: string } | null;

/** The duplicate-tap window and the barcode pattern, checked with the shared schema before saving. */
export function ReaderOptionsForm({ readers }: { readers: ReadersSettings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const updateSettings = useAppStore((state) => state.updateSettings);
  const [windowMs, setWindowMs] = useState(String(readers.duplicateWindowMs));
  const [pattern, setPattern] = useState(readers.barcodePattern);
  const [maxGap, setMaxGap] = useState(String(readers.wedgeTiming.maxGapMs));
  const [outcome, setOutcome] = useState<Outcome>(null);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = ReadersSettings.safeParse({
      ...readers,
      duplicateWindowMs: Number(windowMs),
      barcodePattern: pattern,
      wedgeTiming: { ...readers.wedgeTiming, maxGapMs: Number(maxGap) },
    });
    if (!next.success || windowMs.trim() === '' || maxGap.trim() === '') {
      setOutcome({ tone: 'bad', text: t('readers.options.invalid') });
      return;
    }
    try {
      await updateSettings({ readers: next.data });
      setOutcome({ tone: 'good', text: t('settings.saved') });
    } catch (error) {
      setOutcome({ tone: 'bad', text: errorText(toAppError(error)) });
    }
  };

  return (
    <form className="settings__grid" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="reader-options">
      <TextField
        id="reader-duplicate-window"
        label={t('readers.options.duplicateWindow')}
        hint={t('readers.options.duplicateWindowHint')}
        inputMode="numeric"
        value={windowMs}
        onChange={setWindowMs}
        testId="reader-duplicate-window"
      />
      <TextField
        id="reader-wedge-gap"
        label={t('readers.options.wedgeGap')}
        hint={t('readers.options.wedgeGapHint')}
        inputMode="numeric"
        value={maxGap}
        onChange={setMaxGap}
        testId="reader-wedge-gap"
      />
      <TextField
        id="reader-barcode-pattern"
        label={t('readers.options.barcodePattern')}
        hint={t('readers.options.barcodePatternHint')}
        value={pattern}
        onChange={setPattern}
        testId="reader-barcode-pattern"
      />
      <div className="settings__actions">
        <button type="submit" className="button" data-testid="reader-options-save">
          {t('settings.save')}
        </button>
        {outcome !== null && <StateMessage tone={outcome.tone}>{outcome.text}</StateMessage>}
      </div>
    </form>
  );
}
