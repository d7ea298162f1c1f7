import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';
import { PinField } from './PinField';
import { usePinError } from './usePinError';

/** Stands where the admin-only settings are while they are locked. */
export function AdminUnlock() {
  const { t } = useTranslation();
  const pinError = usePinError();
  const unlockAdmin = useAppStore((state) => state.unlockAdmin);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await unlockAdmin(pin);
    } catch (error) {
      setProblem(pinError(toAppError(error)));
      setPin('');
      setBusy(false);
    }
  };

  return (
    <section className="settings__section admin-unlock" data-testid="admin-unlock" aria-labelledby="admin-unlock-title">
      <h2 id="admin-unlock-title" className="section-heading">
        {t('admin.unlock.title')}
      </h2>
      <p className="field__hint">{t('admin.unlock.intro')}</p>
      <form className="admin-unlock__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <PinField id="admin-unlock-pin" label={t('admin.pin')} value={pin} onChange={setPin} purpose="current" />
        <button type="submit" className="button button--primary" disabled={busy || pin === ''} data-testid="admin-unlock-submit">
          {t('admin.unlock.submit')}
        </button>
      </form>
      {problem !== null && (
        <StateMessage tone="bad" testId="admin-unlock-problem">
          {problem}
        </StateMessage>
      )}
    </section>
  );
}
