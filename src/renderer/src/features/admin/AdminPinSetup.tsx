import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';
import { NewPinFields } from './PinField';
import { newPinProblem } from './adminPinRules';
import { usePinError } from './usePinError';

/**
 * The first run: before anyone works at this desk, whoever installed it chooses the admin PIN
 * that guards the connection, credentials and local data. Nothing else is offered until then,
 * so a volunteer can never be the one who picks it.
 */
export function AdminPinSetup() {
  const { t } = useTranslation();
  const pinError = usePinError();
  const setAdminPin = useAppStore((state) => state.setAdminPin);
  const [pin, setPin] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const local = newPinProblem(pin, repeated);
    if (local !== null) return setProblem(t(`admin.problem.${local}`));
    setBusy(true);
    setProblem(null);
    try {
      await setAdminPin(pin);
    } catch (error) {
      setProblem(pinError(toAppError(error)));
      setBusy(false);
    }
  };

  return (
    <section className="admin-setup" data-testid="admin-setup" aria-labelledby="admin-setup-title">
      <h1 id="admin-setup-title">{t('admin.setup.title')}</h1>
      <p>{t('admin.setup.intro')}</p>
      <form className="admin-setup__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <NewPinFields
          idPrefix="admin-setup"
          pin={pin}
          repeated={repeated}
          onPin={setPin}
          onRepeated={setRepeated}
        />
        <button type="submit" className="button button--primary" disabled={busy} data-testid="admin-setup-submit">
          {t('admin.setup.submit')}
        </button>
        {problem !== null && (
          <StateMessage tone="bad" testId="admin-setup-problem">
            {problem}
          </StateMessage>
        )}
      </form>
      <p className="field__hint">{t('admin.setup.forgotten')}</p>
    </section>
  );
}
