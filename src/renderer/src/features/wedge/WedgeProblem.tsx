import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';
import { Banner } from '../../ui/Banner';

/** A keyboard-reader read the core never got: staff must know to tap again, or the band goes unchecked. */
export function WedgeProblem() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const error = useAppStore((state) => state.wedgeError);
  if (error === null) return null;
  return (
    <Banner tone="warn" title={t('app.wedgeFailed')} testId="wedge-error">
      <p>{errorText(error)}</p>
    </Banner>
  );
}
