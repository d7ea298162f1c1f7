import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreProvider';
import { CachedNotice } from '../../ui/CachedNotice';
import { HitList } from './HitList';
import { SearchFailure } from './SearchFailure';

/** The answer to the latest search: nothing yet, searching, failed, none, or the hits. */
export function SearchResults() {
  const { t } = useTranslation();
  const run = useAppStore((state) => state.searchRun);

  switch (run.phase) {
    case 'idle':
      return <p className="search-results__note">{t('search.idle')}</p>;
    case 'searching':
      return (
        <p className="search-results__note" role="status" aria-busy="true">
          {t('search.searching')}
        </p>
      );
    case 'failed':
      return <SearchFailure error={run.error} criteria={run.criteria} />;
    case 'answered':
      if (run.hits.length === 0) {
        return (
          <div className="search-results__none" role="status" data-testid="search-no-results">
            <p className="state-line state--neutral">
              <span className="state-line__icon" aria-hidden="true">
                ○
              </span>
              {t('search.noResults')}
            </p>
            <p className="field__hint">{t('search.noResultsHint')}</p>
          </div>
        );
      }
      return (
        <section className="search-results" aria-labelledby="search-count">
          <p className="search-results__summary">
            <strong id="search-count" data-testid="search-count" role="status">
              {t('search.count', { count: run.hits.length })}
            </strong>
            <span className="field__hint">{t('search.keyboardHint')}</span>
          </p>
          {run.cachedAt !== undefined && <CachedNotice cachedAt={run.cachedAt} />}
          <HitList hits={run.hits} />
        </section>
      );
  }
}
