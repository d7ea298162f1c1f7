import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { tapOutcome } from '../feedback/tapOutcome';
import { IdleState } from './IdleState';
import { MatchList } from './MatchList';
import { NotFoundState } from './NotFoundState';
import { TappedUid } from './TappedUid';
import { CachedNotice } from '../../ui/CachedNotice';
import { FailureState } from '../../ui/FailureState';
import { UnexpectedFormatNotice } from '../uid-format/UnexpectedFormatNotice';

/** One tap, one answer: whatever the latest tap produced, and nothing from earlier taps. */
export function IdentifyResultArea() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const identify = useAppStore((state) => state.identify);
  const outcome = tapOutcome(identify);

  return (
    <section
      className={`identify__result${outcome === null ? '' : ` identify__result--${outcome}`}`}
      aria-live="polite"
      aria-busy={identify.phase === 'loading'}
    >
      {identify.phase === 'idle' && <IdleState />}
      {identify.phase === 'loading' && (
        <>
          <TappedUid uid={identify.scan.uid} />
          <p className="identify__loading">{t('identify.loading')}</p>
        </>
      )}
      {identify.phase === 'answered' && identify.result.kind === 'found' && (
        <>
          <TappedUid uid={identify.result.uid} />
          {identify.result.cachedAt !== undefined && (
            <CachedNotice cachedAt={identify.result.cachedAt} refreshing={identify.result.refreshing === true} />
          )}
          {identify.result.matchedAs !== undefined && <UnexpectedFormatNotice matchedAs={identify.result.matchedAs} />}
          {/* Venue Manager's form of the UID is what its token list shows. */}
          <MatchList matches={identify.result.matches} tappedUid={identify.result.matchedAs?.value ?? identify.result.uid} />
        </>
      )}
      {identify.phase === 'answered' && identify.result.kind === 'not-found' && (
        <NotFoundState uid={identify.result.uid} />
      )}
      {identify.phase === 'unreadable' && (
        <>
          <TappedUid uid={identify.scan.uid} />
          <FailureState
            className="identify__error"
            testId="identify-unreadable"
            title={t('identify.unreadable.title')}
            explanation={identify.scan.problem === 'random-uid' ? t('identify.unreadable.randomUid') : t('identify.unreadable.other')}
          />
        </>
      )}
      {identify.phase === 'failed' && (
        <>
          <TappedUid uid={identify.scan.uid} />
          <FailureState
            className="identify__error"
            testId="identify-error"
            error={identify.error}
            title={t('identify.error.title')}
            explanation={errorText(identify.error)}
          />
        </>
      )}
    </section>
  );
}
