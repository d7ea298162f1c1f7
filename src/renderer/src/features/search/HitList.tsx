import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { OwnerMatch } from '../../../../shared/model';
import { useAppStore } from '../../store/StoreProvider';
import { HitRow } from './HitRow';

/** Must match `.hit` in app.css: rows are placed by index, so every row has this height. */
const hitRowHeightPx = 96;

/** Rows rendered beyond the visible ones, so fast scrolling and arrow keys never show a gap. */
const overscanRows = 8;

/** Arrow keys move the selection, Page keys a screenful, Enter opens. */
function nextIndex(key: string, selected: number, count: number, pageRows: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(selected + 1, count - 1);
    case 'ArrowUp':
      return Math.max(selected - 1, 0);
    case 'PageDown':
      return Math.min(selected + pageRows, count - 1);
    case 'PageUp':
      return Math.max(selected - pageRows, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The hits as a listbox that renders only the rows in view (thousands of hits stay smooth).
 * The selection lives in the store, so it survives opening a hit and coming back.
 */
export function HitList({ hits }: { hits: readonly OwnerMatch[] }) {
  const { t } = useTranslation();
  const { selected, selectHit, openHit, searchFocus, takeSearchFocus } = useAppStore(
    useShallow((state) => ({
      selected: state.selectedHit,
      selectHit: state.selectHit,
      openHit: state.openHit,
      searchFocus: state.searchFocus,
      takeSearchFocus: state.takeSearchFocus,
    })),
  );
  const scroller = useRef<HTMLDivElement>(null);
  // This build has no React Compiler, and the virtualizer re-renders this component itself when
  // the visible range changes, so the compiler's "cannot memoize" warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => hitRowHeightPx,
    overscan: overscanRows,
    // flushSync from inside React's own layout effects is refused (and warned about) by React 19;
    // the overscan rows already cover the frame a batched re-render may take while scrolling.
    useFlushSync: false,
  });

  useEffect(() => {
    virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [virtualizer, selected]);

  useEffect(() => {
    if (searchFocus === 'results' && takeSearchFocus('results')) scroller.current?.focus();
  }, [searchFocus, takeSearchFocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void openHit(selected);
      return;
    }
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / hitRowHeightPx) - 1);
    const next = nextIndex(event.key, selected, hits.length, pageRows);
    if (next === null) return;
    event.preventDefault();
    selectHit(next);
  };

  return (
    <div
      ref={scroller}
      className="hits"
      role="listbox"
      tabIndex={0}
      aria-label={t('search.resultsLabel')}
      aria-activedescendant={`search-hit-${String(selected)}`}
      data-testid="search-results"
      onKeyDown={onKeyDown}
    >
      {/* Positions come from the virtualizer at run time; CSSOM writes are allowed by the CSP. */}
      <div className="hits__canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const hit = hits[row.index];
          if (hit === undefined) return null;
          return (
            <div
              key={row.key}
              id={`search-hit-${String(row.index)}`}
              className="hit"
              role="option"
              aria-selected={row.index === selected}
              aria-posinset={row.index + 1}
              aria-setsize={hits.length}
              data-testid="search-result"
              data-product-id={hit.product.id}
              style={{ transform: `translateY(${String(row.start)}px)` }}
              onClick={() => void openHit(row.index)}
            >
              <HitRow hit={hit} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
