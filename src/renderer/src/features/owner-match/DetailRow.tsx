import { useTranslation } from 'react-i18next';

/** A labelled value; a missing value is shown as missing rather than hidden, so nobody keeps looking. */
export function DetailRow({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd className={value === null ? 'details__missing' : undefined}>{value ?? t('match.missing')}</dd>
    </div>
  );
}
