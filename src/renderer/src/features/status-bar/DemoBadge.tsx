import { useTranslation } from 'react-i18next';

/** Demo data must never be mistaken for the real Venue Manager. */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <div className="demo-badge" data-testid="status-demo" role="status">
      <strong className="demo-badge__word">{t('status.demoBadge')}</strong>
      <span>{t('status.demoText')}</span>
    </div>
  );
}
