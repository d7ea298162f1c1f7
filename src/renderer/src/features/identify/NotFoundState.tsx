import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';
import { TappedUid } from './TappedUid';
import { useSearchWristbandKey } from './useSearchWristbandKey';

export function NotFoundState({ uid }: { uid: string }) {
  const { t } = useTranslation();
  const searchForWristband = useAppStore((state) => state.searchForWristband);
  useSearchWristbandKey(uid);

  return (
    <div className="identify__not-found" data-testid="identify-not-found">
      <TappedUid uid={uid} />
      <h1 className="state-heading state--warn">
        <span aria-hidden="true">? </span>
        {t('identify.notFound.title')}
      </h1>
      <p className="identify__explanation">{t('identify.notFound.body')}</p>
      <p className="identify__hint">{t('identify.notFound.searchHint')}</p>
      <button
        type="button"
        className="button button--primary identify__search"
        data-testid="identify-search"
        aria-keyshortcuts="S"
        onClick={() => void searchForWristband(uid)}
      >
        {t('identify.notFound.searchAction')} <kbd>S</kbd>
      </button>
    </div>
  );
}
