import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UidFormatCalibration } from '../../../../shared/uidProfile';
import { useErrorText } from '../../i18n/useErrorText';
import { selectIsDemo } from '../../store/selectors';
import { useAppStore } from '../../store/StoreProvider';
import { StateMessage } from '../../ui/StateMessage';
import { useProfileLabel } from './useProfileLabel';

/**
 * How Venue Manager writes wristband UIDs at this venue, learnt from one tap of a band it knows.
 * Until then the desk still finds bands (it tries every form), but says so, and sends new bands
 * in the form it guesses — so the admin is told plainly to calibrate.
 */
export function UidFormatSection({ format }: { format: UidFormatCalibration }) {
  const { t, i18n } = useTranslation();
  const demo = useAppStore(selectIsDemo);
  const calibration = useAppStore((state) => state.uidCalibration);
  const start = useAppStore((state) => state.startUidCalibration);
  const cancel = useAppStore((state) => state.cancelUidCalibration);
  const profileLabel = useProfileLabel();
  const errorText = useErrorText();
  // Leaving Settings ends the calibration step: a later tap must be an ordinary tap again.
  useEffect(() => () => cancel(), [cancel]);

  return (
    <section className="settings__section" aria-labelledby="settings-uid-format" data-testid="settings-uid-format">
      <h2 id="settings-uid-format" className="section-heading">
        {t('uidFormat.title')}
      </h2>
      {demo ? (
        // The demo's Venue Manager is ours: its form is known, and a calibration would teach nothing.
        <StateMessage tone="good" testId="uid-format-state">
          {t('uidFormat.demo')}
        </StateMessage>
      ) : format.state === 'calibrated' ? (
        <StateMessage tone="good" testId="uid-format-state">
          {t('uidFormat.calibrated', {
            profile: profileLabel(format.profile),
            sample: format.sample.raw,
            date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(format.calibratedAt)),
          })}
        </StateMessage>
      ) : (
        <StateMessage tone="bad" testId="uid-format-state">
          {t('uidFormat.uncalibrated')}
        </StateMessage>
      )}
      <div className="settings__actions" hidden={demo}>
        {calibration.phase === 'waiting' || calibration.phase === 'busy' ? (
          <>
            <span className="state-line state--warn" role="status" data-testid="uid-calibration-waiting">
              <span className="state-line__icon" aria-hidden="true">
                ◌
              </span>
              {calibration.phase === 'waiting' ? t('uidFormat.tapNow') : t('uidFormat.checking', { uid: calibration.uid })}
            </span>
            <button type="button" className="button" onClick={cancel}>
              {t('actions.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button" data-testid="uid-calibrate" onClick={start}>
            {t('uidFormat.calibrate')}
          </button>
        )}
      </div>
      {calibration.phase === 'done' && calibration.outcome.outcome === 'calibrated' && (
        <StateMessage tone="good" testId="uid-calibration-result">
          {t('uidFormat.result.calibrated', { uid: calibration.uid, owner: calibration.outcome.owner ?? '—' })}
        </StateMessage>
      )}
      {calibration.phase === 'done' && calibration.outcome.outcome === 'not-found' && (
        <StateMessage tone="bad" testId="uid-calibration-result">
          {t('uidFormat.result.notFound', { uid: calibration.uid })}
        </StateMessage>
      )}
      {calibration.phase === 'done' && calibration.outcome.outcome === 'ambiguous' && (
        <StateMessage tone="bad" testId="uid-calibration-result">
          {t('uidFormat.result.ambiguous', { values: calibration.outcome.values.join(', ') })}
        </StateMessage>
      )}
      {calibration.phase === 'failed' && (
        <StateMessage tone="bad" testId="uid-calibration-result">
          {errorText(calibration.error)}
        </StateMessage>
      )}
    </section>
  );
}
