import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderStatus } from '../../../../shared/readers';

/** Hardware readers are named by their device; the software ones speak the desk's language. */
export function useReaderName(): (reader: Pick<ReaderStatus, 'kind' | 'name'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (reader) => (reader.kind === 'virtual' ? t('status.virtualReader') : reader.kind === 'wedge' ? t('readers.kind.wedge') : reader.name),
    [t],
  );
}
