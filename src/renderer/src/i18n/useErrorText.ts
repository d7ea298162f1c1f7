import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';

/** The translated explanation of an error code: what happened and what to do next. */
export function useErrorText(): (error: { code: ErrorCode }) => string {
  const { t } = useTranslation();
  return useCallback((error) => t(`errors.${error.code}`), [t]);
}
