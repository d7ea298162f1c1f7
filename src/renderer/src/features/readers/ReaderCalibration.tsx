import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UidFormatCalibration } from '../../../../shared/uidProfile';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';
import { useProfileLabel } from '../uid-format/useProfileLabel';

type Outcome = { tone: 'good' | 'bad'; text: string } | null;

/**
 * How one reader writes UIDs, and the way to teach it: tap a band on the reader, type the
 * band's UID as printed (or as Venue Manager shows it in hex), and the app works out the format.
 */
export function ReaderCalibration({ readerId, format }: { readerId: string; format: UidFormatCalibration }) {
  const { t } = useTranslation();
  const profileLabel = useProfileLabel();
  const errorText = useErrorText();
  const calibrateReader = useAppStore((state) => state.calibrateReader);
  const [knownUid, setKnownUid] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { outcome: result, saved } = await calibrateReader(readerId, knownUid);
      if (saved && result.status === 'unique' && result.candidates[0] !== undefined) {
        setOutcome({ tone: 'good', text: t('readers.calibration.saved', { profile: profileLabel(result.candidates[0].profile) }) });
      } else if (result.status === 'ambiguous') {
        setOutcome({ tone: 'bad', text: t('readers.calibration.ambiguous', { count: result.tied }) });
      } else if (result.status === 'invalid') {
        setOutcome({ tone: 'bad', text: t('readers.calibration.invalid') });
      } else {
        setOutcome({ tone: 'bad', text: t('readers.calibration.noMatch', { uid: knownUid.trim() }) });
      }
    } catch (error) {
      setOutcome({ tone: 'bad', text: errorText(toAppError(error)) });
    }
    setBusy(false);
  };

  return (
    <div className="reader-calibration" data-testid="reader-calibration" data-reader={readerId}>
      <p className="field__hint" data-testid="reader-format">
        {format.state === 'calibrated'
          ? t('readers.calibration.calibrated', { profile: profileLabel(format.profile) })
          : t('readers.calibration.uncalibrated')}
      </p>
      <form className="reader-row" onSubmit={(event) => void onSubmit(event)} noValidate>
        <label className="visually-hidden" htmlFor={`reader-known-${readerId}`}>
          {t('readers.calibration.knownUid')}
        </label>
        <input
          id={`reader-known-${readerId}`}
          value={knownUid}
          placeholder={t('readers.calibration.knownUid')}
          autoComplete="off"
          spellCheck={false}
          data-testid="reader-known-uid"
          onChange={(event) => setKnownUid(event.target.value)}
        />
        <button type="submit" className="button" disabled={busy || knownUid.trim() === ''} data-testid="reader-calibrate">
          {t('readers.calibration.submit')}
        </button>
      </form>
      {outcome !== null && (
        <StateMessage tone={outcome.tone} testId="reader-calibration-result">
          {outcome.text}
        </StateMessage>
      )}
    </div>
  );
}
