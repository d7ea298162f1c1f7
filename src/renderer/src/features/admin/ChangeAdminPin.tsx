import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';
import { NewPinFields, PinField } from './PinField';
import { newPinProblem } from './adminPinRules';
import { usePinError } from './usePinError';

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'changed' } | { kind: 'refused'; text: string };

/** The current PIN is asked again, so an unlocked desk left alone cannot be taken over. */
export function ChangeAdminPin() {
  const { t } = useTranslation();
  const pinError = usePinError();
  const setAdminPin = useAppStore((state) => state.setAdminPin);
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [repeated, setRepeated] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local = newPinProblem(pin, repeated);
    if (local !== null) return setOutcome({ kind: 'refused', text: t(`admin.problem.${local}`) });
    setOutcome({ kind: 'busy' });
    try {
      await setAdminPin(pin, current);
      setCurrent('');
      setPin('');
      setRepeated('');
      setOutcome({ kind: 'changed' });
    } catch (error) {
      setOutcome({ kind: 'refused', text: pinError(toAppError(error)) });
    }
  };

  return (
    <section className="settings__section" data-testid="admin-change-section" aria-labelledby="admin-change-title">
      <h2 id="admin-change-title" className="section-heading">{t('admin.change.title')}</h2>
      <form className="settings__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <PinField id="admin-change-current" label={t('admin.currentPin')} value={current} onChange={setCurrent} purpose="current" />
        <NewPinFields
          idPrefix="admin-change"
          pin={pin}
          repeated={repeated}
          onPin={setPin}
          onRepeated={setRepeated}
        />
        <button type="submit" className="button" disabled={outcome.kind === 'busy'} data-testid="admin-change-submit">
          {t('admin.change.submit')}
        </button>
      </form>
      {outcome.kind === 'changed' && <StateMessage tone="good">{t('admin.change.done')}</StateMessage>}
      {outcome.kind === 'refused' && (
        <StateMessage tone="bad" testId="admin-change-problem">
          {outcome.text}
        </StateMessage>
      )}
    </section>
  );
}
