import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../../shared/contract';
import { useAppStore } from '../../store/StoreProvider';

/**
 * What the desk can answer without Venue Manager: counts and the age of the oldest entry, in
 * plain words, so nobody assumes the desk knows every guest when the network goes.
 */
export function CacheSummaryLine({ refreshKey }: { refreshKey: number }) {
  const { t, i18n } = useTranslation();
  const loadCacheSummary = useAppStore((state) => state.loadCacheSummary);
  const [summary, setSummary] = useState<Result<'cache.summary'> | null>(null);
  useEffect(() => {
    let current = true;
    void loadCacheSummary().then((loaded) => current && setSummary(loaded));
    return () => {
      current = false;
    };
  }, [loadCacheSummary, refreshKey]);

  if (summary === null) return null;
  const format = (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  return (
    <p className="field__hint" data-testid="cache-summary">
      {summary.products === 0
        ? t('settings.deskData.cacheEmpty')
        : t('settings.deskData.cacheHolds', {
            customers: summary.customers,
            products: summary.products,
            oldest: summary.oldestFetchedAt === undefined ? '—' : format(summary.oldestFetchedAt),
          })}
    </p>
  );
}
