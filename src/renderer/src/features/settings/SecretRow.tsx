import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../../shared/contract';
import type { WireError } from '../../../../shared/errors';
import { secretEnvironmentVariables, type SecretName } from '../../../../shared/settings';
import { credentialExpiry } from '../../../../shared/credentials';
import { useErrorText } from '../../i18n/useErrorText';
import { useNow } from '../../ui/useNow';
import { formatExpiry } from '../../ui/formatExpiry';
import { useAppStore } from '../../store/StoreProvider';
import { toAppError } from '../../transport/toAppError';
import { StateMessage } from '../../ui/StateMessage';

type SecretOutcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved' }
  | { kind: 'cleared' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: WireError };

export function SecretRow({
  name,
  isSet,
  unreadable,
  writable,
  expiresAt,
}: {
  name: SecretName;
  isSet: boolean;
  unreadable: boolean;
  writable: boolean;
  /** What a JWT bearer token says about its own expiry. */
  expiresAt?: number | undefined;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const setSecret = useAppStore((state) => state.setSecret);
  const clearSecret = useAppStore((state) => state.clearSecret);
  const [value, setValue] = useState('');
  const [outcome, setOutcome] = useState<SecretOutcome>({ kind: 'idle' });
  const inputId = `secret-${name.replace('.', '-')}`;

  const run = async (action: () => Promise<unknown>, done: 'saved' | 'cleared') => {
    setOutcome({ kind: 'busy' });
    try {
      await action();
      setValue('');
      setOutcome({ kind: done });
    } catch (error) {
      setOutcome({ kind: 'failed', error: toAppError(error).toWire() });
    }
  };

  const onSave = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!methods['secrets.set'].params.safeParse({ name, value }).success) {
      setOutcome({ kind: 'invalid' });
      return;
    }
    void run(() => setSecret(name, value), 'saved');
  };

  return (
    <div className="secret" data-testid={`secret-${name}`}>
      <div className="secret__summary">
        <span className="field__label">{t(`settings.secrets.label.${name}`)}</span>
        <span
          className={`state-line state-line--compact ${unreadable ? 'state--bad' : isSet ? 'state--good' : 'state--neutral'}`}
          data-testid="secret-state"
          data-state={unreadable ? 'unreadable' : isSet ? 'set' : 'not-set'}
        >
          <span className="state-line__icon" aria-hidden="true">
            {unreadable ? '✖' : isSet ? '●' : '○'}
          </span>
          {unreadable ? t('settings.secrets.unreadable') : isSet ? t('settings.secrets.set') : t('settings.secrets.notSet')}
        </span>
      </div>
      {expiresAt !== undefined && <SecretExpiry expiresAt={expiresAt} />}
      {writable ? (
        <form className="secret__edit" onSubmit={onSave} noValidate>
          <label className="visually-hidden" htmlFor={inputId}>
            {t('settings.secrets.newValue', { name: t(`settings.secrets.label.${name}`) })}
          </label>
          <input
            id={inputId}
            type="password"
            autoComplete="new-password"
            placeholder={t('settings.secrets.newValuePlaceholder')}
            value={value}
            aria-invalid={outcome.kind === 'invalid'}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="button" disabled={outcome.kind === 'busy'}>
            {t('settings.secrets.save')}
          </button>
          <button
            type="button"
            className="button"
            disabled={!isSet || outcome.kind === 'busy'}
            onClick={() => void run(() => clearSecret(name), 'cleared')}
          >
            {t('settings.secrets.clear')}
          </button>
        </form>
      ) : (
        <p className="field__hint" data-testid="secret-environment">
          {t('settings.secrets.fromEnvironment', { variable: secretEnvironmentVariables[name] })}
        </p>
      )}
      <SecretOutcomeMessage outcome={outcome} errorText={errorText} />
    </div>
  );
}

function SecretExpiry({ expiresAt }: { expiresAt: number }) {
  const { t, i18n } = useTranslation();
  const now = useNow(60_000);
  const state = credentialExpiry(expiresAt, now);
  const when = formatExpiry(expiresAt, now, i18n.language);
  return (
    <StateMessage tone={state === 'ok' ? 'neutral' : 'bad'} testId="secret-expiry">
      {state === 'expired' ? t('settings.secrets.expired', when) : t('settings.secrets.expires', when)}
      {state === 'expires-soon' && ` ${t('settings.secrets.renewSoon')}`}
    </StateMessage>
  );
}

function SecretOutcomeMessage({ outcome, errorText }: { outcome: SecretOutcome; errorText: (error: WireError) => string }) {
  const { t } = useTranslation();
  switch (outcome.kind) {
    case 'idle':
    case 'busy':
      return null;
    case 'saved':
    case 'cleared':
      return <StateMessage tone="good">{outcome.kind === 'saved' ? t('settings.secrets.saved') : t('settings.secrets.cleared')}</StateMessage>;
    case 'invalid':
      return <StateMessage tone="bad">{t('settings.secrets.invalid')}</StateMessage>;
    case 'failed':
      return <StateMessage tone="bad">{errorText(outcome.error)}</StateMessage>;
  }
}
