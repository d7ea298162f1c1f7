import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';

const pinPattern = /^\d{4,8}$/;

/**
 * Always in the status bar while nobody is signed in, so it is the obvious first step of a
 * shift. The PIN is optional; the core says when a name needs one.
 */
export function SignInForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const signIn = useAppStore((state) => state.signIn);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmedName = name.trim();
    // Checked here first so a typo is explained in words instead of as a refused request.
    if (trimmedName === '') return setError(t('operator.nameRequired'));
    if (pin !== '' && !pinPattern.test(pin)) return setError(t('operator.pinInvalid'));
    setBusy(true);
    setError(null);
    try {
      await signIn(trimmedName, pin === '' ? undefined : pin);
    } catch (caught) {
      setError(errorText(toAppError(caught)));
      setBusy(false);
    }
  };

  return (
    <form className="operator operator--signin" data-testid="operator-signin" onSubmit={(event) => void onSubmit(event)}>
      <span className="operator__label state--warn">
        <span aria-hidden="true">▲ </span>
        {t('operator.nobody')}
      </span>
      <label className="operator__field">
        <span className="visually-hidden">{t('operator.name')}</span>
        <input
          type="text"
          value={name}
          placeholder={t('operator.name')}
          autoComplete="off"
          spellCheck={false}
          data-testid="operator-signin-name"
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="operator__field operator__field--pin">
        <span className="visually-hidden">{t('operator.pin')}</span>
        <input
          type="password"
          inputMode="numeric"
          value={pin}
          placeholder={t('operator.pin')}
          autoComplete="off"
          maxLength={8}
          data-testid="operator-signin-pin"
          onChange={(event) => setPin(event.target.value)}
        />
      </label>
      <button type="submit" className="button button--primary" data-testid="operator-signin-submit" disabled={busy}>
        {busy ? t('operator.signingIn') : t('operator.submit')}
      </button>
      {error !== null && (
        <span className="operator__error" role="alert" data-testid="operator-error">
          <span aria-hidden="true">✖ </span>
          {error}
        </span>
      )}
    </form>
  );
}
