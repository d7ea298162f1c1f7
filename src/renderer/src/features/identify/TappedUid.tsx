import { useTranslation } from 'react-i18next';

/** The UID of the tap being shown, so staff can tell a new tap from the last one. */
export function TappedUid({ uid }: { uid: string }) {
  const { t } = useTranslation();
  return (
    <p className="tapped-uid">
      {t('identify.wristband')} <code data-testid="identify-uid">{uid}</code>
    </p>
  );
}
