import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useErrorText } from '../../i18n/useErrorText';

/** The words for a refused PIN, with the time to wait when the core throttles tries. */
export function usePinError(): (error: AppError) => string {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    (error) => {
      const retryAt = error.details?.['retryAt'];
      const base = errorText(error);
      if (typeof retryAt !== 'number') return base;
      const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(retryAt);
      return `${base} ${t('admin.retryAt', { time })}`;
    },
    [errorText, i18n.language, t],
  );
}
