import { CachedNotice } from '../../ui/CachedNotice';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useErrorText } from '../../i18n/useErrorText';
import type { OpenedProduct } from '../../store/slices/searchSlice';
import { useAppStore } from '../../store/StoreProvider';
import { MatchCard } from '../owner-match/MatchCard';
import { useEscapeToResults } from './useEscapeToResults';
import { FailureState } from '../../ui/FailureState';

/**
 * A hit opened from the results, shown with the same card as a tapped wristband. The search
 * hit may be minutes old, so the product is always reloaded before its state is shown.
 */
export function OpenedProductView({ opened }: { opened: OpenedProduct }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { closeProduct, openHit, selectedHit } = useAppStore(
    useShallow((state) => ({ closeProduct: state.closeProduct, openHit: state.openHit, selectedHit: state.selectedHit })),
  );
  const view = useRef<HTMLElement>(null);
  useEscapeToResults();

  // Focus moves into the view so screen readers start here and Tab reaches its buttons first.
  useEffect(() => {
    view.current?.focus();
  }, []);

  return (
    <section
      ref={view}
      className="product-view"
      data-testid="product-view"
      data-product-id={opened.hit.product.id}
      aria-busy={opened.phase === 'loading'}
      tabIndex={-1}
    >
      <div className="product-view__header">
        <button type="button" className="button" data-testid="product-back" aria-keyshortcuts="Escape" onClick={closeProduct}>
          <span aria-hidden="true">← </span>
          {t('search.product.back')} <kbd>Esc</kbd>
        </button>
      </div>
      {opened.phase === 'loading' && <p className="identify__loading">{t('search.product.loading')}</p>}
      {opened.phase === 'failed' && (
        <FailureState
          className="product-view__error"
          testId="product-error"
          error={opened.error}
          title={t('search.product.errorTitle')}
          explanation={errorText(opened.error)}
        >
          <button type="button" className="button" onClick={() => void openHit(selectedHit)}>
            {t('search.product.retry')}
          </button>
        </FailureState>
      )}
      {opened.phase === 'loaded' && opened.cachedAt !== undefined && <CachedNotice cachedAt={opened.cachedAt} />}
      {opened.phase === 'loaded' && <MatchCard match={opened.match} tappedUid={null} primary />}
    </section>
  );
}
