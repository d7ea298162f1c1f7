import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider';
import { gateVerdict } from './gateVerdict';

/**
 * Full screen yes/no for the entrance: a tap gives a huge green or red answer with the owner's
 * name and the reason in words (icon + word + colour). Escape returns to Identify.
 */
export function GateView() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const store = useAppStoreApi();
  const verdict = gateVerdict(useAppStore((state) => state.identify));

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      store.getState().showView('identify');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  const colour = verdict.verdict === 'green' || verdict.verdict === 'red' ? verdict.verdict : 'waiting';

  return (
    <section className={`gate gate--${colour}`} data-testid="gate-view" aria-live="assertive" aria-label={t('gate.label')}>
      <button type="button" className="button gate__back" aria-keyshortcuts="Escape" onClick={() => store.getState().showView('identify')}>
        {t('gate.back')}
      </button>
      {verdict.verdict === 'waiting' && <p className="gate__prompt">{t('gate.idle')}</p>}
      {verdict.verdict === 'checking' && (
        <p className="gate__prompt" data-testid="gate-checking">
          {t('gate.checking')}
        </p>
      )}
      {(verdict.verdict === 'green' || verdict.verdict === 'red') && (
        <div className="gate__answer" data-testid="gate-verdict" data-verdict={verdict.verdict} data-uid={verdict.uid}>
          <p className="gate__word">
            <span className="gate__icon" aria-hidden="true">
              {verdict.verdict === 'green' ? '✔' : '✖'}
            </span>
            {verdict.verdict === 'green' ? t('gate.green') : t('gate.red')}
          </p>
          <p className="gate__name" data-testid="gate-name">
            {verdict.name ?? ''}
          </p>
          <p className="gate__reason" data-testid="gate-reason" data-reason={verdict.reason}>
            {t(`gate.reason.${verdict.reason}`, { time: verdict.blockedAt ?? '' })}
            {verdict.error !== undefined && <span className="gate__error"> — {errorText(verdict.error)}</span>}
          </p>
          <p className="gate__uid">
            <code>{verdict.uid}</code>
          </p>
        </div>
      )}
    </section>
  );
}
