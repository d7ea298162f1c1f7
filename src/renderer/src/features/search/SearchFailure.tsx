import { useTranslation } from 'react-i18next';
import type { WireError } from '../../../../shared/errors';
import type { SearchCriteria } from '../../../../shared/search';
import { useErrorText } from '../../i18n/useErrorText';
import { useAppStore } from '../../store/StoreProvider';

/**
 * A refused or failed search, explained by its error code. Quick search exists only on some
 * Venue Manager installations: when it is refused and other fields were filled, one button
 * searches again with those.
 */
export function SearchFailure({ error, criteria }: { error: WireError; criteria: SearchCriteria }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const runSearch = useAppStore((state) => state.runSearch);
  const editSearchDraft = useAppStore((state) => state.editSearchDraft);
  const { quick_search: _quickSearch, ...withoutQuickSearch } = criteria;
  const canRetryWithoutQuickSearch =
    error.code === 'QUICK_SEARCH_UNSUPPORTED' && Object.keys(withoutQuickSearch).length > 0;

  const retryWithoutQuickSearch = () => {
    editSearchDraft('quick_search', '');
    void runSearch(withoutQuickSearch);
  };

  return (
    <div className="search-results__failure" role="alert" data-testid="search-error" data-code={error.code}>
      <p className="state-line state--bad">
        <span className="state-line__icon" aria-hidden="true">
          ✖
        </span>
        {t('search.errorTitle')}
      </p>
      <p className="search-results__explanation">{errorText(error)}</p>
      {canRetryWithoutQuickSearch && (
        <button type="button" className="button" data-testid="search-retry-without-quick" onClick={retryWithoutQuickSearch}>
          {t('search.retryWithoutQuickSearch')}
        </button>
      )}
    </div>
  );
}
