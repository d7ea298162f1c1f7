import { useTranslation } from 'react-i18next';

export function IdleState() {
  const { t } = useTranslation();
  return (
    <div className="identify__idle" data-testid="identify-idle">
      <p className="identify__idle-title">{t('identify.idle')}</p>
      <p>{t('identify.idleHint')}</p>
    </div>
  );
}
