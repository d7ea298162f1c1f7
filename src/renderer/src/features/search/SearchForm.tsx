import { useEffect, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { SearchField } from '../../store/slices/searchSlice';
import { useAppStore } from '../../store/StoreProvider';
import { StateMessage } from '../../ui/StateMessage';
import { TextField } from '../../ui/TextField';
import { searchFields, type SearchFieldKind } from './searchFields';
import { validateSearchDraft, type SearchFieldProblem } from './validateSearchDraft';

interface ShownProblems {
  noCriteria: boolean;
  fieldProblems: Partial<Record<SearchField, SearchFieldProblem>>;
}

const hintKeys = {
  wildcard: 'search.fieldHint.wildcard',
  streetNeedsName: 'search.fieldHint.streetNeedsName',
  digits: 'search.fieldHint.digits',
  quickSearch: 'search.fieldHint.quickSearch',
  text: null,
} as const satisfies Record<SearchFieldKind, string | null>;

/**
 * The ten Venue Manager criteria. Checked locally with the shared schema before anything is
 * sent; Enter in any field searches, ArrowDown moves on to the results.
 */
export function SearchForm() {
  const { t } = useTranslation();
  const { draft, hasHits, editSearchDraft, clearSearchDraft, runSearch, searchFocus, requestSearchFocus, takeSearchFocus } =
    useAppStore(
      useShallow((state) => ({
        draft: state.searchDraft,
        hasHits: state.searchRun.phase === 'answered' && state.searchRun.hits.length > 0,
        editSearchDraft: state.editSearchDraft,
        clearSearchDraft: state.clearSearchDraft,
        runSearch: state.runSearch,
        searchFocus: state.searchFocus,
        requestSearchFocus: state.requestSearchFocus,
        takeSearchFocus: state.takeSearchFocus,
      })),
    );
  const [problems, setProblems] = useState<ShownProblems | null>(null);
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (searchFocus === 'form' && takeSearchFocus('form')) firstField.current?.focus();
  }, [searchFocus, takeSearchFocus]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const validation = validateSearchDraft(draft);
    if (!validation.ok) {
      setProblems({ noCriteria: validation.noCriteria, fieldProblems: validation.fieldProblems });
      return;
    }
    setProblems(null);
    void runSearch(validation.criteria);
  };

  const onFieldKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown' || !hasHits) return;
    event.preventDefault();
    requestSearchFocus('results');
  };

  const onClear = () => {
    clearSearchDraft();
    setProblems(null);
    firstField.current?.focus();
  };

  return (
    <form className="search-form" data-testid="search-form" onSubmit={onSubmit} noValidate aria-labelledby="search-title">
      <div className="search-form__header">
        <h1 id="search-title" className="search-form__title">
          {t('search.title')}
        </h1>
        <p className="field__hint">{t('search.wildcardHint')}</p>
        <p className="field__hint">{t('search.shortcutHint')}</p>
      </div>
      <div className="search-form__fields">
        {searchFields.map(({ field, kind }, index) => {
          const hintKey = hintKeys[kind];
          const problem = problems?.fieldProblems[field];
          return (
            <TextField
              key={field}
              ref={index === 0 ? firstField : undefined}
              id={`search-${field}`}
              testId={`search-field-${field}`}
              errorTestId="search-field-error"
              label={t(`search.field.${field}`)}
              hint={hintKey === null ? undefined : t(hintKey)}
              inputMode={kind === 'digits' ? 'numeric' : undefined}
              value={draft[field]}
              onChange={(value) => editSearchDraft(field, value)}
              onKeyDown={onFieldKeyDown}
              error={problem === undefined ? undefined : t(`search.problem.${problem}`)}
            />
          );
        })}
        <div className="search-form__actions">
          <button type="submit" className="button button--primary" data-testid="search-submit">
            {t('search.submit')}
          </button>
          <button type="button" className="button" onClick={onClear}>
            {t('search.clear')}
          </button>
        </div>
      </div>
      {problems?.noCriteria === true && (
        <StateMessage tone="bad" testId="search-form-error">
          {t('search.noCriteria')}
        </StateMessage>
      )}
    </form>
  );
}
