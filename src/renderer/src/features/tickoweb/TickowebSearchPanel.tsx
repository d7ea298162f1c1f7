import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { TickowebSearchHit } from '../../../../shared/tickoweb';
import { useErrorText } from '../../i18n/useErrorText';
import { hashForView } from '../../routing/viewHash';
import { useAppStore } from '../../store/StoreProvider';
import { StateMessage } from '../../ui/StateMessage';
import { Highlighted } from './Highlighted';
import { mirrorQuery } from './mirrorQuery';

/**
 * The Tickoweb mirror's orders for what is typed in the search form, as it is typed, next to
 * Venue Manager's hits: one box finds both. Opening a hit shows the order.
 */
export function TickowebSearchPanel({ orders }: { orders: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { draft, query, answer, searching, failure, searchTickoweb, retry } = useAppStore(
    useShallow((state) => ({
      draft: state.searchDraft,
      query: state.tickowebQuery,
      answer: state.tickowebSearch,
      searching: state.tickowebSearching,
      failure: state.tickowebSearchError,
      searchTickoweb: state.searchTickoweb,
      retry: state.retryTickowebSearch,
    })),
  );
  const source = mirrorQuery(draft);
  const wanted = orders > 0 ? (source?.query ?? '') : '';

  useEffect(() => {
    void searchTickoweb(wanted);
  }, [wanted, searchTickoweb]);

  const failed = failure !== null && failure.query === query;
  const stale = answer !== null && answer.query !== query;

  return (
    <section className="tickoweb-search" aria-labelledby="tickoweb-search-title" data-testid="tickoweb-search" aria-busy={searching}>
      <div className="tickoweb-search__header">
        <h2 id="tickoweb-search-title" className="tickoweb-search__title">
          {t('tickoweb.search.title')}
        </h2>
        {source !== null && orders > 0 && (
          <span className="field__hint" data-testid="tickoweb-search-source" data-field={source.field}>
            {t('tickoweb.search.source', { query: source.query, field: t(`search.field.${source.field}`) })}
          </span>
        )}
      </div>
      {orders === 0 ? (
        <p className="search-results__note" data-testid="tickoweb-search-no-orders">
          {t('tickoweb.search.noOrders')} <a href={hashForView('settings')}>{t('tickoweb.search.toSettings')}</a>
        </p>
      ) : query === '' ? (
        <p className="search-results__note" data-testid="tickoweb-search-idle">
          {t('tickoweb.search.idle')}
        </p>
      ) : failed ? (
        <div data-testid="tickoweb-search-error">
          <StateMessage tone="bad">{errorText(failure.error)}</StateMessage>
          <button type="button" className="button" onClick={() => void retry()}>
            {t('tickoweb.search.retry')}
          </button>
        </div>
      ) : answer === null ? (
        <p className="search-results__note" role="status">
          {t('tickoweb.search.searching')}
        </p>
      ) : answer.hits.length === 0 ? (
        <p className="state-line state-line--compact state--neutral" role="status" data-testid="tickoweb-search-none">
          <span className="state-line__icon" aria-hidden="true">
            ○
          </span>
          {t('tickoweb.search.none', { query: answer.query })}
        </p>
      ) : (
        <>
          <p className="tickoweb-search__count" role="status" data-testid="tickoweb-search-count">
            {answer.truncated
              ? t('tickoweb.search.countTruncated', { count: answer.hits.length })
              : t('tickoweb.search.count', { count: answer.hits.length })}
            {stale && <span className="field__hint"> {t('tickoweb.search.updating')}</span>}
          </p>
          <ol className={stale ? 'tickoweb-hits tickoweb-hits--stale' : 'tickoweb-hits'} data-testid="tickoweb-hits" aria-label={t('tickoweb.search.title')}>
            {answer.hits.map((hit) => (
              <li key={hit.orderPath}>
                <TickowebHit hit={hit} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function TickowebHit({ hit }: { hit: TickowebSearchHit }) {
  const { t } = useTranslation();
  const open = useAppStore((state) => state.openTickowebOrder);
  const order = [
    hit.orderNumber === null ? t('tickoweb.search.noNumber') : t('tickoweb.search.order', { number: hit.orderNumber }),
    hit.eventName ?? t('tickoweb.search.noEvent'),
    hit.status ?? t('tickoweb.search.noStatus'),
  ];
  return (
    <button
      type="button"
      className="tickoweb-hit"
      data-testid="tickoweb-hit"
      data-order-path={hit.orderPath}
      data-field={hit.field}
      onClick={() => void open(hit.orderPath)}
    >
      <span className="tickoweb-hit__name">
        {hit.field === 'name' ? <Highlighted text={hit.value} ranges={hit.highlight} /> : (hit.name ?? t('match.owner.noName'))}
      </span>
      {hit.field !== 'name' && (
        <span className="tickoweb-hit__match" data-testid="tickoweb-hit-match">
          {t(`tickoweb.search.field.${hit.field}`)} <Highlighted text={hit.value} ranges={hit.highlight} />
        </span>
      )}
      {hit.field !== 'email' && hit.email !== null && <span className="tickoweb-hit__detail">{hit.email}</span>}
      <span className="tickoweb-hit__detail" data-testid="tickoweb-hit-order">
        {order.join(' · ')}
      </span>
    </button>
  );
}
