import { useTranslation } from 'react-i18next';
import { TappedUid } from './TappedUid';

export function NotFoundState({ uid }: { uid: string }) {
  const { t } = useTranslation();
  return (
    <div className="identify__not-found" data-testid="identify-not-found">
      <TappedUid uid={uid} />
      <h1 className="state-heading state--warn">
        <span aria-hidden="true">? </span>
        {t('identify.notFound.title')}
      </h1>
      <p className="identify__explanation">{t('identify.notFound.body')}</p>
      <p className="identify__hint">{t('identify.notFound.searchHint')}</p>
    </div>
  );
}
