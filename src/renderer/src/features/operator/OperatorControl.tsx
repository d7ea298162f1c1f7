import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WireError } from '../../../../shared/errors';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { SignInForm } from './SignInForm';

/** Who is at the desk (the audit names them): their name and Sign out, or the sign-in form. */
export function OperatorControl() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const operator = useAppStore((state) => state.operator);
  const signOut = useAppStore((state) => state.signOut);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WireError | null>(null);

  if (operator === null) return <SignInForm />;

  const onSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
    } catch (caught) {
      setError(toAppError(caught).toWire());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="operator">
      <span className="operator__label">{t('operator.signedInAs')}</span>
      <span className="operator__name" data-testid="operator-name">
        {operator.name}
      </span>
      <button type="button" className="button" data-testid="operator-signout" disabled={busy} onClick={() => void onSignOut()}>
        {busy ? t('operator.signingOut') : t('operator.signOut')}
      </button>
      {error !== null && (
        <span className="operator__error" role="alert" data-testid="operator-error">
          <span aria-hidden="true">✖ </span>
          {errorText(error)}
        </span>
      )}
    </div>
  );
}
